-- Exports (issue 15): a file made in the background from one of the lists, kept in PostgreSQL so that every instance
-- serves it, for a configurable time (realsim.exports.keep), then deleted by the recurring job export-expire.

CREATE TABLE export_file (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           VARCHAR(20)  NOT NULL CHECK (kind IN ('CARDS', 'ORDERS', 'AUDIT', 'OPERATOR_REPORT')),
    format         VARCHAR(10)  NOT NULL CHECK (format IN ('CSV', 'XLSX')),
    status         VARCHAR(10)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    -- the list's filter as the creator gave it (codes and ids, never personal data)
    filter         JSONB        NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(filter) = 'object'),
    -- true: the operator report with clear personal data (OPS, with a reason); false: masked as on screen
    unmasked       BOOLEAN      NOT NULL DEFAULT FALSE,
    reason         VARCHAR(500),
    -- the creator's tenant: its exports are read by its own tenant only (OPS and ADMIN: theirs have neither)
    agent_id       BIGINT,
    enterprise_id  BIGINT,
    created_by     VARCHAR(120) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    finished_at    TIMESTAMPTZ,
    expires_at     TIMESTAMPTZ  NOT NULL,
    rows_total     BIGINT,
    rows_done      BIGINT       NOT NULL DEFAULT 0 CHECK (rows_done >= 0),
    bytes          BIGINT,
    error_key      VARCHAR(100),
    CONSTRAINT export_file_reason_ck CHECK (NOT unmasked OR reason IS NOT NULL)
);
CREATE INDEX export_file_expires_idx ON export_file (expires_at);
CREATE INDEX export_file_agent_idx ON export_file (agent_id, id DESC) WHERE agent_id IS NOT NULL;
CREATE INDEX export_file_enterprise_idx ON export_file (enterprise_id, id DESC) WHERE enterprise_id IS NOT NULL;

-- The file in parts of at most 1 MiB, each sealed with the documents key and bound to its export and number.
CREATE TABLE export_file_part (
    export_id BIGINT NOT NULL REFERENCES export_file (id) ON DELETE CASCADE,
    part      INT    NOT NULL CHECK (part >= 0),
    content   BYTEA  NOT NULL,
    PRIMARY KEY (export_id, part)
);

-- The audit trail's target types gain EXPORT, rebuilt from the values it holds now (as V241 does).
DO
$$
DECLARE
    allowed TEXT[];
BEGIN
    SELECT array_agg(DISTINCT m[1] ORDER BY m[1]) INTO allowed
    FROM regexp_matches(
        (SELECT pg_get_constraintdef(oid) FROM pg_constraint
         WHERE conname = 'audit_entry_target_type_check' AND conrelid = 'audit_entry'::regclass),
        '''([A-Z_]+)''', 'g') AS m;
    allowed := ARRAY(SELECT DISTINCT unnest(allowed || ARRAY['EXPORT']) ORDER BY 1);
    ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_target_type_check;
    EXECUTE format('ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_target_type_check CHECK (target_type IN (%s))',
                   (SELECT string_agg(quote_literal(a), ', ') FROM unnest(allowed) AS a));
END;
$$;
