-- Private Atom feeds of one area's figures events. A feed is found by the SHA-256 (hex) of the
-- token in its URL; the token itself is never stored. Revoking writes the next version of the row
-- with status 'revoked'; FINAL reads the latest.
CREATE TABLE IF NOT EXISTS {{database}}.feeds
(
    id String,
    area_code String,
    token_hash String,
    status String,
    created_at_ms UInt64,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY id;
