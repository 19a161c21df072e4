-- The chain becomes keyed (docs/audit.md, "The keyed chain"): entries recorded from now on are linked with
-- HMAC-SHA256 under the audit-chain key, which is not in the database; entries recorded before keep their plain
-- SHA-256 links. The switch point, the last plain entry, is recorded once by the next migration (V186, which needs the
-- key) together with a seal under the key, so that nobody without the key can move it.

-- When the event happened (published inside the transaction that made the change), besides when the trail recorded
-- it (at). Null for entries recorded before; keyed entries hash it.
ALTER TABLE audit_entry ADD COLUMN occurred_at TIMESTAMPTZ;

CREATE TABLE audit_chain_key (
    singleton        BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    -- the id of the last entry linked with plain SHA-256 (0: none, every entry is keyed)
    keyed_after      BIGINT      NOT NULL CHECK (keyed_after >= 0),
    -- that entry's link (64 zeros when none): the first keyed entry's prev_hash
    keyed_after_hash CHAR(64)    NOT NULL CHECK (keyed_after_hash ~ '^[0-9a-f]{64}$'),
    -- hex(HMAC-SHA256(key, 'realsim/audit-chain/keyed-after/' || keyed_after || '/' || keyed_after_hash))
    seal             CHAR(64)    NOT NULL CHECK (seal ~ '^[0-9a-f]{64}$'),
    recorded_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TRIGGER audit_chain_key_fixed
    BEFORE UPDATE OR DELETE ON audit_chain_key
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_chain_key_no_truncate
    BEFORE TRUNCATE ON audit_chain_key
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
