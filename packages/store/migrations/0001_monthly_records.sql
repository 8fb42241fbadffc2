-- One row per (source kind, area, category, month) per load. Reloads and corrections add rows with a
-- higher revision; readers take the latest with FINAL, and background merges drop the rest.
-- ingested_at has a DEFAULT for ad-hoc inserts, but 18.16 fills columns a JSONEachRow insert omits
-- with zeros rather than their DEFAULT, so the repository always sends it.
CREATE TABLE IF NOT EXISTS {{database}}.monthly_records
(
    source_kind String,
    area_code String,
    category String,
    month String,
    months UInt8,
    count UInt64,
    source_file String,
    revision UInt64,
    batch_id String,
    ingested_at DateTime DEFAULT now()
)
ENGINE = ReplacingMergeTree(revision)
ORDER BY (source_kind, area_code, category, month);
