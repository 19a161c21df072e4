-- Business orders (业务受理) submitted by agents for an enterprise: the handler (经办人, sealed), the cards, what the
-- order still waits for (documents, the handler's person-to-ID comparison, an OPS decision) and how it ended.
-- Personal data of the handler is sealed like the enterprise module's: <field>_enc (AEAD bound to table, column and
-- the row's seal_key), <field>_masked (display form), handler_id_number_bidx (keyed blind index).

CREATE TABLE business_order (
    id                              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agent_id                        BIGINT       NOT NULL,
    enterprise_id                   BIGINT       NOT NULL,
    type                            VARCHAR(32)  NOT NULL CHECK (type IN ('NEW_INSTALL', 'TRANSFER',
        'REAL_NAME_SUPPLEMENT', 'CARD_REPLACEMENT', 'REBIND_IMEI', 'SUSPEND', 'RESUME', 'CANCEL')),
    status                          VARCHAR(32)  NOT NULL
        CHECK (status IN ('AWAITING_VERIFICATION', 'COMPLETED', 'REJECTED', 'CANCELLED')),
    seal_key                        UUID         NOT NULL UNIQUE,
    handler_name_enc                BYTEA        NOT NULL,
    handler_name_masked             VARCHAR(100) NOT NULL,
    handler_id_type                 VARCHAR(32)  NOT NULL CHECK (handler_id_type IN ('RESIDENT_ID', 'PASSPORT',
        'HK_MACAU_PERMIT', 'TAIWAN_PERMIT', 'FOREIGN_PERMANENT_RESIDENT')),
    handler_id_number_enc           BYTEA        NOT NULL,
    handler_id_number_bidx          VARCHAR(100) NOT NULL,
    handler_id_number_masked        VARCHAR(40)  NOT NULL,
    handler_id_address_enc          BYTEA        NOT NULL,
    handler_id_address_masked       VARCHAR(500) NOT NULL,
    handler_authorization_valid_to  DATE         NOT NULL,
    -- what the cards are for (使用设备资料): NEW_INSTALL only
    device_type                     VARCHAR(100),
    device_model                    VARCHAR(100),
    industry_scenario               VARCHAR(200),
    expected_monthly_traffic_mb     INT CHECK (expected_monthly_traffic_mb > 0),
    -- TRANSFER: the enterprise (of the same agent) that receives the cards
    target_enterprise_id            BIGINT,
    -- REBIND_IMEI: the device the cards are bound to from now on
    imei                            VARCHAR(15) CHECK (imei ~ '^[0-9]{15}$'),
    card_count                      INT          NOT NULL CHECK (card_count > 0),
    -- the handler's person-to-ID comparison (NEW_INSTALL, TRANSFER, REAL_NAME_SUPPLEMENT, CARD_REPLACEMENT)
    verification_case_id            BIGINT,
    verification_status             VARCHAR(20)
        CHECK (verification_status IN ('PENDING_REVIEW', 'APPROVED', 'REJECTED')),
    -- the OPS decision (REBIND_IMEI)
    decision                        VARCHAR(20) CHECK (decision IN ('APPROVED', 'REJECTED')),
    decided_by                      VARCHAR(120),
    decided_by_name                 VARCHAR(100),
    decided_at                      TIMESTAMPTZ,
    decision_reason                 VARCHAR(1000),
    -- why a REJECTED order was rejected: an error code and a message key with its arguments (shown in each language)
    rejection_code                  VARCHAR(60),
    rejection_message_key           VARCHAR(200),
    rejection_arguments             TEXT[],
    rejection_iccid                 VARCHAR(20),
    created_by                      VARCHAR(100) NOT NULL,
    submitted_by                    VARCHAR(120) NOT NULL,
    created_at                      TIMESTAMPTZ  NOT NULL,
    closed_by                       VARCHAR(100),
    closed_at                       TIMESTAMPTZ,
    version                         INT          NOT NULL DEFAULT 0,
    CONSTRAINT business_order_device_ck CHECK (
        type <> 'NEW_INSTALL' OR (device_type IS NOT NULL AND device_model IS NOT NULL
            AND industry_scenario IS NOT NULL AND expected_monthly_traffic_mb IS NOT NULL)),
    CONSTRAINT business_order_transfer_ck CHECK (
        (type = 'TRANSFER') = (target_enterprise_id IS NOT NULL) AND target_enterprise_id IS DISTINCT FROM enterprise_id),
    CONSTRAINT business_order_imei_ck CHECK ((type = 'REBIND_IMEI') = (imei IS NOT NULL)),
    CONSTRAINT business_order_verification_ck CHECK (
        verification_case_id IS NULL
        OR (type IN ('NEW_INSTALL', 'TRANSFER', 'REAL_NAME_SUPPLEMENT', 'CARD_REPLACEMENT')
            AND verification_status IS NOT NULL)),
    CONSTRAINT business_order_decision_ck CHECK (
        decision IS NULL
        OR (type = 'REBIND_IMEI' AND decided_by IS NOT NULL AND decided_at IS NOT NULL
            AND decided_by <> submitted_by)),
    CONSTRAINT business_order_closed_ck CHECK ((status = 'AWAITING_VERIFICATION') = (closed_at IS NULL)),
    CONSTRAINT business_order_rejection_ck CHECK ((status = 'REJECTED') = (rejection_code IS NOT NULL))
);
CREATE INDEX business_order_agent_idx ON business_order (agent_id, id);
CREATE INDEX business_order_enterprise_idx ON business_order (enterprise_id, id);
CREATE INDEX business_order_status_idx ON business_order (status, type, id);
CREATE INDEX business_order_verification_idx ON business_order (verification_case_id)
    WHERE verification_case_id IS NOT NULL;

-- The cards of an order, in the order given. A CARD_REPLACEMENT order has a row per old card and a row per new card
-- (replaces = the old card's ICCID). "open" mirrors the order's status (true while it is AWAITING_VERIFICATION), so
-- that a partial unique index keeps every card in at most one open order, also under concurrency.
CREATE TABLE business_order_card (
    order_id BIGINT      NOT NULL REFERENCES business_order (id),
    position INT         NOT NULL CHECK (position >= 0),
    iccid    VARCHAR(20) NOT NULL CHECK (char_length(iccid) BETWEEN 19 AND 20),
    replaces VARCHAR(20) CHECK (replaces IS NULL OR char_length(replaces) BETWEEN 19 AND 20),
    open     BOOLEAN     NOT NULL,
    PRIMARY KEY (order_id, position)
);
CREATE UNIQUE INDEX business_order_card_open_uk ON business_order_card (iccid) WHERE open;
CREATE INDEX business_order_card_iccid_idx ON business_order_card (iccid);

-- Which stored document (document module) is the order's photo of each kind; a kind uploaded again replaces the
-- earlier one, which stays as history (superseded_at).
CREATE TABLE business_order_document (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id      BIGINT      NOT NULL REFERENCES business_order (id),
    kind          VARCHAR(32) NOT NULL CHECK (kind IN ('CERTIFICATE', 'RESPONSIBLE_ID', 'HANDLER_AUTHORIZATION',
        'HANDLER_ID', 'HANDLER_PHOTO')),
    document_id   BIGINT      NOT NULL,
    uploaded_by   VARCHAR(100) NOT NULL,
    uploaded_at   TIMESTAMPTZ NOT NULL,
    superseded_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX business_order_document_current_uk ON business_order_document (order_id, kind)
    WHERE superseded_at IS NULL;
