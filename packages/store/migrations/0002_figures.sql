-- Computed rolling-window figures, one row per (category, window length, period end, area).
-- Recomputing a period inserts rows with a higher version; readers use FINAL.
-- Population and rate are null for an area the reference data has no population for.
CREATE TABLE IF NOT EXISTS {{database}}.figures
(
    category String,
    months UInt8,
    period_end String,
    area_code String,
    area_name String,
    area_kind String,
    volume UInt64,
    population Nullable(UInt64),
    rate_per_1000 Nullable(Float64),
    rank Nullable(UInt8),
    previous_volume Nullable(UInt64),
    volume_change Nullable(Int64),
    percent_change Nullable(Float64),
    z_score Nullable(Float64),
    significant Nullable(UInt8),
    complete UInt8,
    computed_at DateTime,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (category, months, period_end, area_code);
