-- Reference areas loaded with `crimestats reference load`: one row per CSP area with the force and
-- (optionally) the county it is in, so the rollups and forces are named by their areas. They add to
-- or correct the reference in code (Derbyshire's); the latest revision of an area wins.
-- Numbered 0010, leaving 0009 to a migration in flight elsewhere: the runner allows gaps.
CREATE TABLE IF NOT EXISTS {{database}}.reference_areas
(
    area_code String,
    area_name String,
    force_code String,
    force_name String,
    police_uk_name String,
    county_code String,
    county_name String,
    -- The row's place in its file, so a force's areas are listed in the file's order.
    position UInt32,
    source_file String,
    revision UInt64,
    batch_id String
)
ENGINE = ReplacingMergeTree(revision)
ORDER BY area_code;
