-- The end user (使用人) bound to a card: sealed name, ID document (with its blind index, the key of the
-- one-ID-N-cards quota) and ID address, the three photos and the verification case. At most one current binding per
-- card; a binding ends when another end user is bound or the card changes owner. Rows are never deleted.
CREATE TABLE card_end_user (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    card_id                BIGINT       NOT NULL REFERENCES card (id),
    agent_id               BIGINT       NOT NULL,
    enterprise_id          BIGINT       NOT NULL,
    seal_key               UUID         NOT NULL UNIQUE,
    name_enc               BYTEA        NOT NULL,
    name_masked            TEXT         NOT NULL,
    id_type                VARCHAR(40)  NOT NULL CHECK (id_type IN ('RESIDENT_ID', 'PASSPORT', 'HK_MACAU_PERMIT',
                                                                   'TAIWAN_PERMIT', 'FOREIGN_PERMANENT_RESIDENT')),
    id_number_enc          BYTEA        NOT NULL,
    id_number_bidx         VARCHAR(128) NOT NULL,
    id_number_masked       TEXT         NOT NULL,
    id_address_enc         BYTEA        NOT NULL,
    id_address_masked      TEXT         NOT NULL,
    status                 VARCHAR(20)  NOT NULL CHECK (status IN ('BOUND', 'VERIFIED', 'REJECTED')),
    verification_case_id   BIGINT,
    id_front_document_id   BIGINT,
    id_back_document_id    BIGINT,
    live_photo_document_id BIGINT,
    bound_at               TIMESTAMPTZ  NOT NULL,
    bound_by               VARCHAR(100) NOT NULL,
    decided_at             TIMESTAMPTZ,
    ended_at               TIMESTAMPTZ,
    end_reason             VARCHAR(20)  CHECK (end_reason IN ('REPLACED', 'TRANSFERRED')),
    copied_from_id         BIGINT       REFERENCES card_end_user (id),
    version                BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT card_end_user_ended_ck CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
    CONSTRAINT card_end_user_decided_ck CHECK ((status = 'BOUND') = (decided_at IS NULL)),
    CONSTRAINT card_end_user_case_ck CHECK (status = 'BOUND' OR verification_case_id IS NOT NULL)
);
CREATE UNIQUE INDEX card_end_user_current_uk ON card_end_user (card_id) WHERE ended_at IS NULL;
-- the drift check counts current bindings per identity
CREATE INDEX card_end_user_bidx_idx ON card_end_user (id_number_bidx) WHERE ended_at IS NULL;
CREATE INDEX card_end_user_case_idx ON card_end_user (verification_case_id) WHERE verification_case_id IS NOT NULL;
CREATE INDEX card_end_user_agent_idx ON card_end_user (agent_id);
CREATE INDEX card_end_user_enterprise_idx ON card_end_user (enterprise_id);
