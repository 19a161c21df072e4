-- Requests for an exception to a card's end-user real-name requirement (provincial or group approval), decided by
-- OPS with maker-checker. The card is referenced by id and ICCID (the card module owns it); the request always comes
-- from an agent, so agent_id is always set; enterprise_id is the card's enterprise when it has one.
-- *_by columns hold the actor's principal key (USER:12, API_CLIENT:3) for maker-checker; *_by_name the name shown.

CREATE TABLE exception_request (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    card_id           BIGINT        NOT NULL,
    iccid             VARCHAR(20)   NOT NULL CHECK (iccid ~ '^[0-9]{19,20}$'),
    agent_id          BIGINT        NOT NULL,
    enterprise_id     BIGINT,
    kind              VARCHAR(30)   NOT NULL CHECK (kind IN ('PROVINCIAL_APPROVAL', 'GROUP_APPROVAL')),
    requirement_code  VARCHAR(60)   NOT NULL,
    reason            VARCHAR(1000) NOT NULL CHECK (length(btrim(reason)) >= 2),
    status            VARCHAR(20)   NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    requested_by      VARCHAR(120)  NOT NULL,
    requested_by_name VARCHAR(100)  NOT NULL,
    requested_at      TIMESTAMPTZ   NOT NULL,
    assigned_to       VARCHAR(120),
    assigned_to_name  VARCHAR(100),
    assigned_at       TIMESTAMPTZ,
    decided_by        VARCHAR(120),
    decided_by_name   VARCHAR(100),
    decided_at        TIMESTAMPTZ,
    decision_reason   VARCHAR(1000),
    version           INT           NOT NULL DEFAULT 0,
    -- A decision is recorded completely or not at all, and only on a decided request.
    CONSTRAINT exception_request_decision_ck CHECK (
        (status = 'PENDING' AND decided_by IS NULL AND decided_by_name IS NULL AND decided_at IS NULL
            AND decision_reason IS NULL)
        OR (status <> 'PENDING' AND decided_by IS NOT NULL AND decided_by_name IS NOT NULL AND decided_at IS NOT NULL)),
    -- A rejection always says why.
    CONSTRAINT exception_request_rejection_reason_ck CHECK (
        status <> 'REJECTED' OR length(btrim(coalesce(decision_reason, ''))) >= 2),
    -- Maker-checker, held by the database too: nobody decides a request they submitted.
    CONSTRAINT exception_request_maker_checker_ck CHECK (decided_by IS NULL OR decided_by <> requested_by),
    -- Only a pending request is assigned to someone; assignment is recorded completely or not at all.
    CONSTRAINT exception_request_assignment_ck CHECK (
        (assigned_to IS NULL AND assigned_to_name IS NULL AND assigned_at IS NULL)
        OR (status = 'PENDING' AND assigned_to IS NOT NULL AND assigned_to_name IS NOT NULL
            AND assigned_at IS NOT NULL))
);
-- One pending request per card, and at most one approved exception per card.
CREATE UNIQUE INDEX exception_request_pending_uk ON exception_request (card_id) WHERE status = 'PENDING';
CREATE UNIQUE INDEX exception_request_approved_uk ON exception_request (card_id) WHERE status = 'APPROVED';
CREATE INDEX exception_request_card_idx ON exception_request (card_id, id);
CREATE INDEX exception_request_queue_idx ON exception_request (status, kind, id);
CREATE INDEX exception_request_agent_idx ON exception_request (agent_id, id);
CREATE INDEX exception_request_enterprise_idx ON exception_request (enterprise_id, id);
