-- Answers kept for Idempotency-Key repeats, per client; status NULL while the first request runs.
CREATE TABLE idempotency_record (
    owner           VARCHAR(120) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    status          INT,
    content_type    VARCHAR(200),
    location        VARCHAR(1000),
    body            BYTEA,
    created_at      TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (owner, idempotency_key)
);
CREATE INDEX idempotency_record_expiry_idx ON idempotency_record (expires_at);

-- Bucket4j token buckets of the per-client rate limit (id = API client id).
CREATE TABLE rate_limit_bucket (
    id         BIGINT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
