-- Barred identities (断卡 惩戒, issue 14): a person (sealed, found by the blind index of the identity key that the
-- one-ID-N-cards quota uses) or an enterprise (USCC, public record) barred from new cards and new business for a
-- period of at most 5 years, on the basis of a police notice; lifted early only by a second OPS person.
CREATE TABLE barred_identity (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seal_key         UUID          NOT NULL UNIQUE,
    subject_type     VARCHAR(20)   NOT NULL CHECK (subject_type IN ('PERSON', 'ENTERPRISE')),
    id_type          VARCHAR(40),
    id_number_enc    BYTEA,
    id_number_bidx   VARCHAR(128),
    id_number_masked TEXT,
    uscc             VARCHAR(18),
    subject_key      VARCHAR(160)  NOT NULL,
    basis            VARCHAR(100)  NOT NULL CHECK (basis <> ''),
    valid_from       DATE          NOT NULL,
    valid_to         DATE          NOT NULL,
    reason           VARCHAR(1000) NOT NULL CHECK (reason <> ''),
    status           VARCHAR(20)   NOT NULL CHECK (status IN ('ACTIVE', 'LIFTED')),
    recorded_by      TEXT          NOT NULL,
    recorded_by_key  TEXT          NOT NULL,
    recorded_at      TIMESTAMPTZ   NOT NULL,
    lifted_by        TEXT,
    lifted_reason    VARCHAR(1000),
    lifted_at        TIMESTAMPTZ,
    CONSTRAINT barred_identity_window_ck CHECK (valid_to >= valid_from AND valid_to <= valid_from + INTERVAL '5 years'),
    CONSTRAINT barred_identity_subject_ck CHECK (
        (subject_type = 'PERSON' AND id_type IS NOT NULL AND id_number_enc IS NOT NULL AND id_number_bidx IS NOT NULL
            AND uscc IS NULL)
        OR (subject_type = 'ENTERPRISE' AND uscc IS NOT NULL AND id_number_enc IS NULL))
);
CREATE INDEX barred_identity_subject_idx ON barred_identity (subject_key, valid_from, valid_to) WHERE status = 'ACTIVE';

ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_target_type_check;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_target_type_check CHECK (target_type IN (
    'ENTERPRISE', 'CARD', 'ORDER', 'VERIFICATION', 'EXCEPTION', 'API_CLIENT', 'USER', 'AGENT', 'DOCUMENT',
    'CARD_IMPORT', 'SERVICE_PLAN', 'OPERATOR', 'REAL_NAME_RULE', 'BAR'));
