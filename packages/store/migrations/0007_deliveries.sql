-- Each event's delivery to each subscription: its state (the latest version wins) and every attempt.
CREATE TABLE IF NOT EXISTS {{database}}.delivery_states
(
    delivery_id String,
    event_id String,
    subscription_id String,
    area_code String,
    status String,
    attempts UInt32,
    next_attempt_at_ms UInt64,
    last_error String,
    created_at_ms UInt64,
    updated_at_ms UInt64,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY delivery_id;

CREATE TABLE IF NOT EXISTS {{database}}.delivery_attempts
(
    delivery_id String,
    subscription_id String,
    attempt UInt32,
    attempted_at_ms UInt64,
    outcome String,
    status_code Int32,
    duration_ms Float64,
    error String
)
ENGINE = ReplacingMergeTree
ORDER BY (subscription_id, delivery_id, attempt);
