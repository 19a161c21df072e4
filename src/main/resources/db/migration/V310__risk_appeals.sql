-- Appeals (申诉, issue 13): a customer contests a card's suspension for a risk reason; OPS grant or reject it with a
-- reason. The appeal belongs to the card: its tenant is the card's (read through card.agent_id / enterprise_id), so a
-- handed-over enterprise's appeals follow its cards without a hand-over step of their own.
CREATE TABLE risk_appeal (
    id              BIGINT GENERATED ALWAYS AS IDENTITY,
    card_id         BIGINT        NOT NULL REFERENCES card (id),
    -- the blocking reason contested: only the reasons a risk decision puts on a card (docs/risk.md "Appeals")
    reason          VARCHAR(40)   NOT NULL CHECK (reason IN ('RISK_REVERIFICATION_OVERDUE', 'MACHINE_CARD_SEPARATION')),
    statement       VARCHAR(1000) NOT NULL CHECK (char_length(statement) BETWEEN 2 AND 1000),
    status          VARCHAR(10)   NOT NULL CHECK (status IN ('OPEN', 'GRANTED', 'REJECTED')),
    filed_by        VARCHAR(120)  NOT NULL,
    filed_role      VARCHAR(20)   NOT NULL CHECK (filed_role IN ('AGENT', 'ENTERPRISE_ADMIN')),
    filed_at        TIMESTAMPTZ   NOT NULL,
    assignee        VARCHAR(120),
    assigned_at     TIMESTAMPTZ,
    decided_by      VARCHAR(120),
    decision_reason VARCHAR(1000),
    decided_at      TIMESTAMPTZ,
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT risk_appeal_decided_ck CHECK ((status = 'OPEN') = (decided_at IS NULL)
                                             AND (status = 'OPEN') = (decision_reason IS NULL)),
    CONSTRAINT risk_appeal_assignee_ck CHECK ((assignee IS NULL) = (assigned_at IS NULL)),
    -- the card's group (docs/scaling.md, session 8): the card id leads the key and every unique index
    PRIMARY KEY (card_id, id)
);
-- One open appeal per card and contested reason.
CREATE UNIQUE INDEX risk_appeal_open_uk ON risk_appeal (card_id, reason) WHERE status = 'OPEN';
-- The OPS queue (newest first, by status) and an appeal by its id (a card's appeals: the primary key).
CREATE INDEX risk_appeal_status_idx ON risk_appeal (status, id);
CREATE INDEX risk_appeal_id_idx ON risk_appeal (id);
