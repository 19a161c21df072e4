-- Cards, their stack of blocking reasons, inventory imports and the one-ID-N-cards counter.

-- Checks are written without regular expressions and the plan has no foreign key: the bulk import inserts 100,000
-- rows at a time and each per-row check costs (the import takes its plan ids from service_plan, and plans are never
-- deleted). Only three indexes are maintained for a card entering the inventory (primary key, ICCID, live number);
-- the list's other indexes leave inventory cards out (see docs/card.md and docs/benchmarks.md).
CREATE TABLE card (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    iccid             VARCHAR(20) COLLATE "C" NOT NULL
        CHECK (char_length(iccid) BETWEEN 19 AND 20 AND ltrim(iccid, '0123456789') = ''),
    msisdn            VARCHAR(13) COLLATE "C" NOT NULL
        CHECK (char_length(msisdn) IN (11, 13) AND left(msisdn, 1) = '1' AND ltrim(msisdn, '0123456789') = ''),
    imsi              VARCHAR(15) NOT NULL
        CHECK (char_length(imsi) = 15 AND left(imsi, 3) = '460' AND ltrim(imsi, '0123456789') = ''),
    operator          VARCHAR(20) NOT NULL
        CHECK (operator IN ('CHINA_MOBILE', 'CHINA_UNICOM', 'CHINA_TELECOM', 'CHINA_BROADNET')),
    plan_id           BIGINT      NOT NULL,
    state             VARCHAR(20) COLLATE "C" NOT NULL CHECK (state IN
        ('INVENTORY', 'TEST', 'PENDING_ACTIVATION', 'ACTIVE', 'SUSPENDED', 'PRE_CANCELLED', 'CANCELLED')),
    -- tenants: null while the card is in the operator's inventory
    agent_id          BIGINT,
    enterprise_id     BIGINT,
    -- machine-card binding (机卡绑定)
    imei_binding      BOOLEAN     NOT NULL DEFAULT FALSE,
    bound_imei        VARCHAR(15) CHECK (char_length(bound_imei) = 15 AND ltrim(bound_imei, '0123456789') = ''),
    rebind_month      DATE,
    rebinds_in_month  INT         NOT NULL DEFAULT 0 CHECK (rebinds_in_month >= 0),
    activated_at      TIMESTAMPTZ,
    cancelled_at      TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    version           BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT card_iccid_uk UNIQUE (iccid),
    CONSTRAINT card_tenant_ck CHECK ((state = 'INVENTORY') = (agent_id IS NULL AND enterprise_id IS NULL)
        OR (state = 'CANCELLED')),
    CONSTRAINT card_cancelled_ck CHECK ((state = 'CANCELLED') = (cancelled_at IS NOT NULL))
);
-- A number belongs to one live card; a cancelled card's number may be issued again. The same index serves the
-- search by number (exact or prefix: the C collation lets the b-tree serve ranges) among live cards.
CREATE UNIQUE INDEX card_msisdn_live_uk ON card (msisdn) WHERE state <> 'CANCELLED';
-- Keyset pages (newest first) filtered by state or tenant. Inventory cards are left out of the state index: they are
-- the bulk of new rows, and a page of them is found by the primary key alone.
CREATE INDEX card_state_id_idx ON card (state, id) WHERE state <> 'INVENTORY';
CREATE INDEX card_agent_id_idx ON card (agent_id, id) WHERE agent_id IS NOT NULL;
CREATE INDEX card_enterprise_id_idx ON card (enterprise_id, id) WHERE enterprise_id IS NOT NULL;

-- The stack of blocking reasons: the card is SUSPENDED while any row has no cleared_at. History stays.
CREATE TABLE card_blocking_reason (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    card_id     BIGINT       NOT NULL REFERENCES card (id),
    reason      VARCHAR(40)  NOT NULL CHECK (reason IN ('UNVERIFIED', 'MACHINE_CARD_SEPARATION',
        'RISK_REVERIFICATION_OVERDUE', 'CUSTOMER_REQUEST', 'ARREARS', 'OPS_ACTION')),
    since       TIMESTAMPTZ  NOT NULL,
    added_by    VARCHAR(100) NOT NULL,
    note        VARCHAR(500),
    cleared_at  TIMESTAMPTZ,
    cleared_by  VARCHAR(100),
    clear_note  VARCHAR(500),
    CONSTRAINT card_blocking_reason_cleared_ck CHECK ((cleared_at IS NULL) = (cleared_by IS NULL))
);
CREATE UNIQUE INDEX card_blocking_reason_active_uk ON card_blocking_reason (card_id, reason)
    WHERE cleared_at IS NULL;
CREATE INDEX card_blocking_reason_card_idx ON card_blocking_reason (card_id);

-- Inventory imports (OPS): one row per uploaded file, its progress and its rejected lines.
CREATE TABLE card_import (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name      VARCHAR(255) NOT NULL,
    status         VARCHAR(20)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'FINISHED', 'FAILED')),
    bytes_total    BIGINT,
    bytes_read     BIGINT       NOT NULL DEFAULT 0,
    rows_read      BIGINT       NOT NULL DEFAULT 0,
    rows_imported  BIGINT       NOT NULL DEFAULT 0,
    rows_rejected  BIGINT       NOT NULL DEFAULT 0,
    failure_key    VARCHAR(100),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    heartbeat_at   TIMESTAMPTZ,
    started_by     VARCHAR(100) NOT NULL,
    started_by_id  BIGINT       NOT NULL
);
CREATE INDEX card_import_created_idx ON card_import (id DESC);

CREATE TABLE card_import_rejection (
    import_id   BIGINT       NOT NULL REFERENCES card_import (id),
    line        BIGINT       NOT NULL,
    code        VARCHAR(40)  NOT NULL,
    field       VARCHAR(40),
    message_key VARCHAR(100) NOT NULL,
    raw         TEXT         NOT NULL,
    PRIMARY KEY (import_id, line)
);

-- One ID, at most N cards per operator (一证N卡): a counter per operator and blind index of the ID document.
CREATE TABLE identity_quota (
    operator   VARCHAR(20)  NOT NULL
        CHECK (operator IN ('CHINA_MOBILE', 'CHINA_UNICOM', 'CHINA_TELECOM', 'CHINA_BROADNET')),
    id_bidx    VARCHAR(128) NOT NULL,
    cards_held INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (operator, id_bidx),
    CHECK (cards_held >= 0)
);
