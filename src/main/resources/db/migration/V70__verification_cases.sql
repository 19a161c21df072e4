-- Verification cases: one person-to-ID check of a handler (经办人) or an end user (使用人), decided automatically when
-- every configured check passed, otherwise by OPS. Personal data is sealed (see docs/identity.md): name_* and
-- id_number_* are AEAD ciphertexts bound to this table, column and the row's seal_key, with masked display forms and
-- the keyed blind index of the ID document. Photos are documents of the document module, referenced by id.
CREATE TABLE verification_case (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                   VARCHAR(20)  NOT NULL CHECK (kind IN ('HANDLER', 'END_USER', 'REVERIFICATION')),
    status                 VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING_REVIEW', 'APPROVED', 'REJECTED')),
    subject_type           VARCHAR(40)  NOT NULL CHECK (subject_type ~ '^[A-Z][A-Z0-9_]*$'),
    subject_id             BIGINT       NOT NULL,
    subject_label          VARCHAR(100) NOT NULL,
    agent_id               BIGINT       NOT NULL,
    enterprise_id          BIGINT,
    seal_key               UUID         NOT NULL UNIQUE,
    name_enc               BYTEA        NOT NULL,
    name_masked            VARCHAR(100) NOT NULL,
    id_type                VARCHAR(32)  NOT NULL CHECK (id_type IN ('RESIDENT_ID', 'PASSPORT', 'HK_MACAU_PERMIT',
                                                                   'TAIWAN_PERMIT', 'FOREIGN_PERMANENT_RESIDENT')),
    id_number_enc          BYTEA        NOT NULL,
    id_number_bidx         VARCHAR(64)  NOT NULL,
    id_number_masked       VARCHAR(40)  NOT NULL,
    id_photo_document_id   BIGINT       NOT NULL,
    id_back_document_id    BIGINT,
    live_photo_document_id BIGINT       NOT NULL,
    -- MANUAL: no external service configured; AUTOMATIC: the configured checks ran (their results below).
    check_method           VARCHAR(20)  NOT NULL CHECK (check_method IN ('MANUAL', 'AUTOMATIC')),
    -- NULL: not checked. UNAVAILABLE (timeouts, 5xx after retries), REFUSED (4xx), UNREADABLE (an unknown answer).
    identity_result        VARCHAR(20)  CHECK (identity_result IN ('CONSISTENT', 'INCONSISTENT', 'NO_RECORD',
                                                                   'UNAVAILABLE', 'REFUSED', 'UNREADABLE')),
    face_result            VARCHAR(20)  CHECK (face_result IN ('CHECKED', 'UNAVAILABLE', 'REFUSED', 'UNREADABLE')),
    liveness               BOOLEAN,
    similarity             NUMERIC(5, 4) CHECK (similarity BETWEEN 0 AND 1),
    face_threshold         NUMERIC(5, 4) NOT NULL CHECK (face_threshold BETWEEN 0 AND 1),
    self_service_link_id   BIGINT,
    -- The maker: an actor's principal key (USER:12, API_CLIENT:3) or SELF_SERVICE:<link id>; and a display name.
    submitted_by           VARCHAR(120) NOT NULL,
    submitted_name         VARCHAR(120) NOT NULL,
    created_at             TIMESTAMPTZ  NOT NULL,
    assigned_to            VARCHAR(120),
    assigned_name          VARCHAR(120),
    assigned_at            TIMESTAMPTZ,
    decided_by             VARCHAR(120),
    decided_name           VARCHAR(120),
    decided_at             TIMESTAMPTZ,
    decision_reason        VARCHAR(1000),
    version                INT          NOT NULL DEFAULT 0,
    CONSTRAINT verification_case_face_ck CHECK (
        (face_result = 'CHECKED') = (liveness IS NOT NULL AND similarity IS NOT NULL)),
    CONSTRAINT verification_case_decision_ck CHECK (
        (status = 'PENDING_REVIEW' AND decided_at IS NULL AND decided_by IS NULL)
        OR (status <> 'PENDING_REVIEW' AND decided_at IS NOT NULL AND decided_by IS NOT NULL)),
    CONSTRAINT verification_case_assignment_ck CHECK (
        (assigned_to IS NULL) = (assigned_at IS NULL) AND (status = 'PENDING_REVIEW' OR assigned_to IS NULL)),
    -- The maker never decides their own case (the system decides only automatically).
    CONSTRAINT verification_case_maker_checker_ck CHECK (decided_by IS NULL OR decided_by <> submitted_by)
);
CREATE INDEX verification_case_status_idx ON verification_case (status, id);
CREATE INDEX verification_case_agent_idx ON verification_case (agent_id, id);
CREATE INDEX verification_case_enterprise_idx ON verification_case (enterprise_id, id) WHERE enterprise_id IS NOT NULL;
CREATE INDEX verification_case_subject_idx ON verification_case (subject_type, subject_id);
CREATE INDEX verification_case_bidx_idx ON verification_case (id_number_bidx);
CREATE INDEX verification_case_assigned_idx ON verification_case (assigned_to, id) WHERE assigned_to IS NOT NULL;
