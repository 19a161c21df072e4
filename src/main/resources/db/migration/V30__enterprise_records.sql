-- Enterprise customers (政企客户) with their responsible persons (责任人), change requests and revisions.
-- Personal data (names of persons, ID numbers, ID addresses) is sealed: <field>_enc (AEAD ciphertext bound to
-- table, column and the row's seal_key), <field>_masked (display form), id_number_bidx (keyed blind index).

CREATE TABLE enterprise (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agent_id            BIGINT       NOT NULL,
    seal_key            UUID         NOT NULL,
    name                VARCHAR(200) NOT NULL,
    certificate_type    VARCHAR(32)  NOT NULL
        CHECK (certificate_type IN ('USCC', 'INSTITUTION', 'SOCIAL_ORGANIZATION', 'INTRODUCTION_LETTER')),
    certificate_number  VARCHAR(18),
    certificate_address VARCHAR(500) NOT NULL,
    legal_rep_enc       BYTEA        NOT NULL,
    legal_rep_masked    VARCHAR(100) NOT NULL,
    status              VARCHAR(20)  NOT NULL
        CHECK (status IN ('DRAFT', 'SUBMITTED', 'VERIFIED', 'REJECTED', 'CHANGE_PENDING')),
    rejection_reason    VARCHAR(1000),
    created_by          VARCHAR(100) NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    submitted_by        VARCHAR(120),
    submitted_at        TIMESTAMPTZ,
    decided_by          VARCHAR(120),
    decided_at          TIMESTAMPTZ,
    verified_at         TIMESTAMPTZ,
    version             INT          NOT NULL DEFAULT 0,
    CONSTRAINT enterprise_certificate_number_ck CHECK (
        (certificate_type = 'INTRODUCTION_LETTER' AND certificate_number IS NULL)
        OR (certificate_type <> 'INTRODUCTION_LETTER' AND certificate_number IS NOT NULL))
);
-- Registered once per agent: the same code twice at one agent is a duplicate.
CREATE UNIQUE INDEX enterprise_agent_certificate_uk ON enterprise (agent_id, certificate_number)
    WHERE certificate_number IS NOT NULL;
CREATE INDEX enterprise_agent_idx ON enterprise (agent_id, id);
CREATE INDEX enterprise_status_idx ON enterprise (status, submitted_at);

CREATE TABLE responsible_person (
    id                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enterprise_id            BIGINT       NOT NULL REFERENCES enterprise (id),
    agent_id                 BIGINT       NOT NULL,
    seal_key                 UUID         NOT NULL,
    name_enc                 BYTEA        NOT NULL,
    name_masked              VARCHAR(100) NOT NULL,
    id_type                  VARCHAR(32)  NOT NULL,
    id_number_enc            BYTEA        NOT NULL,
    id_number_bidx           VARCHAR(100) NOT NULL,
    id_number_masked         VARCHAR(40)  NOT NULL,
    id_address_enc           BYTEA        NOT NULL,
    id_address_masked        VARCHAR(500) NOT NULL,
    legal_representative     BOOLEAN      NOT NULL,
    authorization_valid_from DATE,
    authorization_valid_to   DATE,
    status                   VARCHAR(20)  NOT NULL CHECK (status IN ('CURRENT', 'PROPOSED', 'SUPERSEDED', 'WITHDRAWN')),
    created_at               TIMESTAMPTZ  NOT NULL,
    ended_at                 TIMESTAMPTZ,
    CONSTRAINT responsible_person_authorization_ck CHECK (
        legal_representative
        OR (authorization_valid_from IS NOT NULL AND authorization_valid_to IS NOT NULL
            AND authorization_valid_to >= authorization_valid_from))
);
-- One current responsible person per enterprise.
CREATE UNIQUE INDEX responsible_person_current_uk ON responsible_person (enterprise_id) WHERE status = 'CURRENT';
CREATE INDEX responsible_person_enterprise_idx ON responsible_person (enterprise_id);
CREATE INDEX responsible_person_bidx_idx ON responsible_person (id_number_bidx);

CREATE TABLE enterprise_change_request (
    id                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enterprise_id            BIGINT       NOT NULL REFERENCES enterprise (id),
    agent_id                 BIGINT       NOT NULL,
    seal_key                 UUID         NOT NULL,
    kind                     VARCHAR(32)  NOT NULL CHECK (kind IN ('DETAILS', 'RESPONSIBLE_PERSON')),
    proposed_name            VARCHAR(200),
    proposed_address         VARCHAR(500),
    proposed_legal_rep_enc   BYTEA,
    proposed_legal_rep_masked VARCHAR(100),
    responsible_person_id    BIGINT REFERENCES responsible_person (id),
    reason                   VARCHAR(1000) NOT NULL,
    status                   VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    requested_by             VARCHAR(120) NOT NULL,
    requested_at             TIMESTAMPTZ  NOT NULL,
    decided_by               VARCHAR(120),
    decided_at               TIMESTAMPTZ,
    decision_reason          VARCHAR(1000),
    CONSTRAINT change_request_kind_ck CHECK (
        (kind = 'DETAILS' AND proposed_name IS NOT NULL AND proposed_address IS NOT NULL
            AND proposed_legal_rep_enc IS NOT NULL)
        OR (kind = 'RESPONSIBLE_PERSON' AND responsible_person_id IS NOT NULL))
);
-- At most one pending change per enterprise.
CREATE UNIQUE INDEX enterprise_change_request_pending_uk ON enterprise_change_request (enterprise_id)
    WHERE status = 'PENDING';
CREATE INDEX enterprise_change_request_status_idx ON enterprise_change_request (status, requested_at);

-- The enterprise's real-name fields as they were before each approved change: never deleted.
CREATE TABLE enterprise_revision (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enterprise_id       BIGINT       NOT NULL REFERENCES enterprise (id),
    agent_id            BIGINT       NOT NULL,
    seal_key            UUID         NOT NULL,
    change_request_id   BIGINT       NOT NULL REFERENCES enterprise_change_request (id),
    name                VARCHAR(200) NOT NULL,
    certificate_address VARCHAR(500) NOT NULL,
    legal_rep_enc       BYTEA        NOT NULL,
    legal_rep_masked    VARCHAR(100) NOT NULL,
    valid_until         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX enterprise_revision_enterprise_idx ON enterprise_revision (enterprise_id, id);
