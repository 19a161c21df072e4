-- Bulk work on cards (issue 15): one row per bulk action a person or partner started, one row per ICCID line of it
-- with its own outcome. Job bookkeeping (docs/scaling.md: coordinator-local), no foreign key to or from a
-- distributed table: card_bulk_item.card_id names the card it resolved to, without a key.
CREATE TABLE card_bulk_action (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action         VARCHAR(20)  NOT NULL CHECK (action IN ('ACTIVATE', 'SUSPEND', 'RESUME', 'SELF_SERVICE_LINK')),
    note           VARCHAR(500),
    status         VARCHAR(20)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'FINISHED', 'FAILED')),
    total          INT          NOT NULL,
    done           INT          NOT NULL DEFAULT 0,
    refused        INT          NOT NULL DEFAULT 0,
    agent_id       BIGINT,
    enterprise_id  BIGINT,
    started_by     VARCHAR(100) NOT NULL,
    started_by_id  BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    finished_at    TIMESTAMPTZ,
    links_taken_at TIMESTAMPTZ,
    links_taken_by VARCHAR(100)
);
CREATE INDEX card_bulk_action_created_idx ON card_bulk_action (id DESC);

-- outcome NULL: not yet acted on (a run cut off resumes there). link: the issued self-service link's URL, sealed
-- with the documents key, kept only until its action's links are taken (once), then erased.
CREATE TABLE card_bulk_item (
    bulk_id  BIGINT      NOT NULL REFERENCES card_bulk_action (id) ON DELETE CASCADE,
    line     INT         NOT NULL,
    iccid    VARCHAR(40) NOT NULL,
    card_id  BIGINT,
    outcome  VARCHAR(10) CHECK (outcome IN ('DONE', 'REFUSED')),
    code     VARCHAR(40),
    detail   VARCHAR(500),
    link     BYTEA,
    expires_at TIMESTAMPTZ,
    PRIMARY KEY (bulk_id, line)
);
CREATE INDEX card_bulk_item_pending_idx ON card_bulk_item (bulk_id, line) WHERE outcome IS NULL;

-- The audit trail's target types gain CARD_BULK, rebuilt from the values it holds now (as V241 and V340 do).
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
    allowed := ARRAY(SELECT DISTINCT unnest(allowed || ARRAY['CARD_BULK']) ORDER BY 1);
    ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_target_type_check;
    EXECUTE format('ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_target_type_check CHECK (target_type IN (%s))',
                   (SELECT string_agg(quote_literal(a), ', ') FROM unnest(allowed) AS a));
END;
$$;
