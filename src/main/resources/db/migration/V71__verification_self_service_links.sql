-- One-time, expiring self-service links for end users (使用人) who complete real-name on their phone. Only the
-- SHA-256 of the token is stored: the token itself exists in the issued URL alone.
CREATE TABLE self_service_link (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash    VARCHAR(64)  NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    subject_type  VARCHAR(40)  NOT NULL CHECK (subject_type ~ '^[A-Z][A-Z0-9_]*$'),
    subject_id    BIGINT       NOT NULL,
    agent_id      BIGINT       NOT NULL,
    enterprise_id BIGINT,
    created_by    VARCHAR(120) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    expires_at    TIMESTAMPTZ  NOT NULL,
    used_at       TIMESTAMPTZ,
    case_id       BIGINT REFERENCES verification_case (id),
    CONSTRAINT self_service_link_expiry_ck CHECK (expires_at > created_at),
    CONSTRAINT self_service_link_use_ck CHECK ((used_at IS NULL) = (case_id IS NULL))
);
CREATE INDEX self_service_link_subject_idx ON self_service_link (subject_type, subject_id);
CREATE INDEX self_service_link_agent_idx ON self_service_link (agent_id, id);

-- Bucket4j token buckets of the self-service pages' rate limits, shared by every instance. Keys are key-spaced text:
-- 'link:<id>' (submissions per link) and 'ip:<keyed hash (blind index) of the client address>' (visits to invalid links per client);
-- the address itself is never stored.
CREATE TABLE verification_rate_bucket (
    id         VARCHAR(80) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
