-- What was loaded when, so reports can say "based on data up to month X loaded at T".
CREATE TABLE IF NOT EXISTS {{database}}.loads
(
    batch_id String,
    source_kind String,
    source_file String,
    latest_month String,
    rows UInt64,
    records UInt64,
    loaded_at DateTime
)
ENGINE = MergeTree
ORDER BY (loaded_at, batch_id);
