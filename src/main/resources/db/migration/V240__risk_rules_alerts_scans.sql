-- Risk monitoring (issue 13): the rules as data, the alerts they open and the scans that run them. The risk module is
-- the top module: it reads the tables of the modules below it (card, identity, order, enterprise) and nothing below it
-- reads these tables, except the agent figures that count alerts per agent.

-- Severity as an order: an alert's severity only rises, and the upsert of a scan compares through this.
CREATE FUNCTION risk_severity_rank(severity TEXT) RETURNS SMALLINT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE severity WHEN 'LOW' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'HIGH' THEN 3 WHEN 'CRITICAL' THEN 4 END::smallint
$$;

-- One row per rule of the table in domain-rules.md "Risk monitoring". parameters holds the values the rule's SQL
-- reads ({"days": 90}); ranges holds, for each parameter, its inclusive bounds ({"days": {"min": 1, "max": 3650}}):
-- a parameter not in ranges is unknown. ADMIN changes enabled, severity and parameters; the codes and ranges are
-- the program's (seeded by V241).
CREATE TABLE risk_rule (
    code        VARCHAR(40)  PRIMARY KEY,
    enabled     BOOLEAN      NOT NULL,
    severity    VARCHAR(10)  NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    parameters  JSONB        NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(parameters) = 'object'),
    ranges      JSONB        NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(ranges) = 'object'),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by  VARCHAR(120) NOT NULL DEFAULT 'system',
    version     BIGINT       NOT NULL DEFAULT 0
);

-- The module's settings: one row. The deadline of a re-verification (24 h by law) and how long a dismissed alert
-- keeps quiet for the same rule and subject.
CREATE TABLE risk_setting (
    id                      SMALLINT     PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    reverification_deadline INTERVAL     NOT NULL DEFAULT INTERVAL '24 hours'
        CHECK (reverification_deadline > INTERVAL '0'),
    dismissal_cooldown      INTERVAL     NOT NULL DEFAULT INTERVAL '7 days' CHECK (dismissal_cooldown >= INTERVAL '0'),
    updated_at              TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by              VARCHAR(120) NOT NULL DEFAULT 'system',
    version                 BIGINT       NOT NULL DEFAULT 0
);
INSERT INTO risk_setting (id) VALUES (1);

-- Type allocation codes (the first 8 digits of an IMEI) of handsets, imported by ADMIN for HANDSET_USE.
CREATE TABLE risk_handset_tac (
    tac         CHAR(8)      PRIMARY KEY CHECK (ltrim(tac, '0123456789') = ''),
    model       VARCHAR(200) NOT NULL CHECK (model <> ''),
    imported_at TIMESTAMPTZ  NOT NULL,
    imported_by VARCHAR(120) NOT NULL
);

-- An alert: one finding of one rule about one subject. The subject is a card (subject_key = the card's id), an
-- end-user or handler identity (the keyed blind index of its ID document, never the number), an ID address (its
-- blind index), an agent's user account (its user name), an agent or an enterprise (their ids). subject_masked is
-- what a person may see of it. card_id is set for alerts about one card; agent_id and enterprise_id are the subject's
-- tenant where it has one (the card's, the account's agent), and stay null when the subject's cards lie with several
-- tenants: risk_alert_card lists every card concerned with its tenant, and a tenant reads an alert through it.
-- evidence is masked (the usage, the IMEIs, the masked identities, the counts).
CREATE TABLE risk_alert (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule_code        VARCHAR(40)   NOT NULL REFERENCES risk_rule (code),
    severity         VARCHAR(10)   NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    status           VARCHAR(30)   NOT NULL
        CHECK (status IN ('OPEN', 'REVERIFICATION_REQUIRED', 'OVERDUE', 'CLEARED', 'DISMISSED')),
    subject_kind     VARCHAR(20)   NOT NULL
        CHECK (subject_kind IN ('CARD', 'IDENTITY', 'ADDRESS', 'ACCOUNT', 'AGENT', 'ENTERPRISE')),
    subject_key      VARCHAR(160)  NOT NULL,
    subject_masked   VARCHAR(200)  NOT NULL,
    card_id          BIGINT        REFERENCES card (id),
    agent_id         BIGINT,
    enterprise_id    BIGINT,
    evidence         JSONB         NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(evidence) = 'object'),
    opened_at        TIMESTAMPTZ   NOT NULL,
    last_seen_at     TIMESTAMPTZ   NOT NULL,
    opened_by_scan   BIGINT,
    deadline         TIMESTAMPTZ,
    assignee         VARCHAR(120),
    assigned_at      TIMESTAMPTZ,
    decided_by       VARCHAR(120),
    decision_reason  VARCHAR(1000),
    closed_at        TIMESTAMPTZ,
    dismissed_until  TIMESTAMPTZ,
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT risk_alert_card_subject_ck CHECK (subject_kind <> 'CARD' OR card_id::text = subject_key),
    CONSTRAINT risk_alert_closed_ck CHECK ((status IN ('CLEARED', 'DISMISSED')) = (closed_at IS NOT NULL)),
    CONSTRAINT risk_alert_dismissed_ck CHECK ((status = 'DISMISSED') = (dismissed_until IS NOT NULL)),
    CONSTRAINT risk_alert_deadline_ck CHECK (status NOT IN ('REVERIFICATION_REQUIRED', 'OVERDUE') OR deadline IS NOT NULL),
    CONSTRAINT risk_alert_assignee_ck CHECK ((assignee IS NULL) = (assigned_at IS NULL))
);
-- One open alert per rule and subject: the target of every scan's INSERT … ON CONFLICT.
CREATE UNIQUE INDEX risk_alert_open_uk ON risk_alert (rule_code, subject_kind, subject_key)
    WHERE status IN ('OPEN', 'REVERIFICATION_REQUIRED', 'OVERDUE');
-- The cooldown: a dismissed alert for the same rule and subject, still quiet.
CREATE INDEX risk_alert_dismissed_idx ON risk_alert (rule_code, subject_kind, subject_key, dismissed_until)
    WHERE status = 'DISMISSED';
-- The OPS queue (newest first, by status) and the overdue job (by deadline).
CREATE INDEX risk_alert_status_idx ON risk_alert (status, id);
CREATE INDEX risk_alert_deadline_idx ON risk_alert (deadline) WHERE status = 'REVERIFICATION_REQUIRED';
CREATE INDEX risk_alert_agent_idx ON risk_alert (agent_id, id) WHERE agent_id IS NOT NULL;
CREATE INDEX risk_alert_enterprise_idx ON risk_alert (enterprise_id, id) WHERE enterprise_id IS NOT NULL;
CREATE INDEX risk_alert_card_idx ON risk_alert (card_id) WHERE card_id IS NOT NULL;

-- The cards an alert concerns, with their tenants when the alert was found: one row for a card alert, every card the
-- identity (address, account …) held for the others. A tenant reads an alert that concerns one of its cards.
CREATE TABLE risk_alert_card (
    alert_id      BIGINT NOT NULL REFERENCES risk_alert (id),
    card_id       BIGINT NOT NULL REFERENCES card (id),
    agent_id      BIGINT,
    enterprise_id BIGINT,
    PRIMARY KEY (alert_id, card_id)
);
CREATE INDEX risk_alert_card_card_idx ON risk_alert_card (card_id);
CREATE INDEX risk_alert_card_agent_idx ON risk_alert_card (agent_id, alert_id) WHERE agent_id IS NOT NULL;
CREATE INDEX risk_alert_card_enterprise_idx ON risk_alert_card (enterprise_id, alert_id) WHERE enterprise_id IS NOT NULL;

-- A scan: every enabled rule over all cards, on the schedule or on demand (POST /api/v1/risk/scans), run in the
-- background by whichever instance picks it; its progress is read here.
CREATE TABLE risk_scan (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status         VARCHAR(10)  NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    trigger        VARCHAR(10)  NOT NULL CHECK (trigger IN ('SCHEDULE', 'DEMAND')),
    requested_by   VARCHAR(120) NOT NULL,
    requested_at   TIMESTAMPTZ  NOT NULL,
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    rules_total    INT          NOT NULL DEFAULT 0 CHECK (rules_total >= 0),
    rules_done     INT          NOT NULL DEFAULT 0 CHECK (rules_done >= 0),
    cards_scanned  BIGINT       NOT NULL DEFAULT 0 CHECK (cards_scanned >= 0),
    alerts_opened  BIGINT       NOT NULL DEFAULT 0 CHECK (alerts_opened >= 0),
    alerts_raised  BIGINT       NOT NULL DEFAULT 0 CHECK (alerts_raised >= 0),
    failure        VARCHAR(200),
    CONSTRAINT risk_scan_finished_ck CHECK ((status = 'RUNNING') = (finished_at IS NULL))
);
CREATE INDEX risk_scan_recent_idx ON risk_scan (id DESC);
