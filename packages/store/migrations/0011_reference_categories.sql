-- Categories loaded with `crimestats reference load` (a `code,label,parent` file): those only the
-- force's own data carries, such as domestic-abuse-flagged crime, so its monthly counts can be
-- loaded for them. They are added to the taxonomy in code; the latest revision of a code wins.
CREATE TABLE IF NOT EXISTS {{database}}.reference_categories
(
    code String,
    label String,
    parent String,
    -- The row's place in its file, so the categories are listed in the file's order.
    position UInt32,
    source_file String,
    revision UInt64,
    batch_id String
)
ENGINE = ReplacingMergeTree(revision)
ORDER BY code;
