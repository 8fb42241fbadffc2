-- Populations loaded from population files, by area and year. They extend or correct the reference
-- data's defaults; the latest revision of an (area, year) wins.
CREATE TABLE IF NOT EXISTS {{database}}.populations
(
    area_code String,
    year UInt16,
    population UInt64,
    source_file String,
    revision UInt64,
    batch_id String
)
ENGINE = ReplacingMergeTree(revision)
ORDER BY (area_code, year);
