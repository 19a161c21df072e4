-- The append-only audit trail: who did what to which record, when, with what outcome (masked values only).
--
-- Every entry is linked to the one before it by a hash chain (see docs/audit.md):
--   hash = hex(SHA-256(prev_hash || canonical JSON of the entry)), prev_hash of the first entry = 64 zeros.
-- The application computes the hashes; the database refuses every change or removal of an entry, and the one-row
-- chain head, locked FOR UPDATE by each append, keeps the chain linear and records where it ends.

CREATE TABLE audit_entry (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            TIMESTAMPTZ NOT NULL,
    actor         TEXT        NOT NULL CHECK (actor <> ''),
    role          VARCHAR(32) CHECK (role IN ('ADMIN', 'OPS', 'AGENT', 'ENTERPRISE_ADMIN')),
    agent_id      BIGINT,
    enterprise_id BIGINT,
    action        VARCHAR(100) NOT NULL CHECK (action ~ '^[A-Z][A-Z0-9_]*$'),
    target_type   VARCHAR(32) NOT NULL CHECK (target_type IN ('ENTERPRISE', 'CARD', 'ORDER', 'VERIFICATION',
                                                              'EXCEPTION', 'API_CLIENT', 'USER', 'AGENT', 'DOCUMENT')),
    target_id     TEXT,
    outcome       VARCHAR(32) NOT NULL CHECK (outcome ~ '^[A-Z][A-Z0-9_]*$'),
    details       JSONB       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
    prev_hash     CHAR(64)    NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash          CHAR(64)    NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    -- No entry has two successors: the chain cannot fork, whatever a writer does.
    CONSTRAINT audit_entry_prev_hash_uk UNIQUE (prev_hash)
);

-- Newest first, for every filter of the page and the API (keyset on at, id).
CREATE INDEX audit_entry_at_idx ON audit_entry (at DESC, id DESC);
CREATE INDEX audit_entry_target_idx ON audit_entry (target_type, target_id, at DESC, id DESC);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, at DESC, id DESC);
CREATE INDEX audit_entry_action_idx ON audit_entry (action, at DESC, id DESC);
CREATE INDEX audit_entry_agent_idx ON audit_entry (agent_id, at DESC, id DESC) WHERE agent_id IS NOT NULL;
CREATE INDEX audit_entry_enterprise_idx ON audit_entry (enterprise_id, at DESC, id DESC) WHERE enterprise_id IS NOT NULL;

-- Where the chain ends. Exactly one row; every append locks it, so appends are serialised and the chain stays linear,
-- and verification compares it with the last entry, so that removing entries from the end is detected too.
CREATE TABLE audit_chain_head (
    singleton BOOLEAN  PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    last_id   BIGINT,
    last_hash CHAR(64) NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$'),
    entries   BIGINT   NOT NULL DEFAULT 0 CHECK (entries >= 0)
);
INSERT INTO audit_chain_head (singleton, last_id, last_hash, entries)
VALUES (TRUE, NULL, repeat('0', 64), 0);

CREATE FUNCTION audit_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'The audit trail is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- The head moves forward only: it is never deleted, and it may only point to a later entry.
CREATE FUNCTION audit_chain_head_forward_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.last_id IS NULL OR (OLD.last_id IS NOT NULL AND NEW.last_id <= OLD.last_id)
        OR NEW.entries <> OLD.entries + 1 THEN
        RAISE EXCEPTION 'The audit chain head only moves forward by one entry'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_chain_head_forward
    BEFORE UPDATE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_chain_head_forward_only();

CREATE TRIGGER audit_chain_head_keep
    BEFORE DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_chain_head_no_truncate
    BEFORE TRUNCATE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
