-- What changed for one area in one load, as sent to its subscribers and the live stream, with the
-- subscriptions it was for. `source`, `source_partition` and `source_offset` mark the last notice
-- it includes, so the notifier skips notices it has already turned into events after a restart.
CREATE TABLE IF NOT EXISTS {{database}}.figure_events
(
    event_id String,
    area_code String,
    created_at_ms UInt64,
    data String,
    subscription_ids Array(String),
    source String,
    source_partition Int32,
    source_offset Int64
)
ENGINE = ReplacingMergeTree
ORDER BY (area_code, event_id);
