-- Webhook subscriptions: an area's figures to a receiver's URL, signed with the secret. A change of
-- status (disabled after 410 Gone, removed) is a new row with the next version; FINAL reads the
-- latest.
CREATE TABLE IF NOT EXISTS {{database}}.subscriptions
(
    id String,
    area_code String,
    url String,
    categories Array(String),
    secret String,
    status String,
    created_at_ms UInt64,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY id;
