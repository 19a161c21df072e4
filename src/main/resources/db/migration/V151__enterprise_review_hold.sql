-- Issue 18: an enterprise's registration and its change requests are reviewed through the platform's Review
-- (maker, hold, decision). The columns it maps and these tables lacked are added: the hold (empty: no page or API
-- claims an enterprise review yet) and the decider's name, kept from now on for decisions to come.
ALTER TABLE enterprise
    ADD COLUMN assigned_to      VARCHAR(120),
    ADD COLUMN assigned_to_name VARCHAR(100),
    ADD COLUMN assigned_at      TIMESTAMPTZ,
    ADD COLUMN decided_by_name  VARCHAR(100),
    ADD CONSTRAINT enterprise_assignment_ck CHECK (
        (assigned_to IS NULL) = (assigned_at IS NULL) AND (assigned_to IS NULL OR status = 'SUBMITTED'));

ALTER TABLE enterprise_change_request
    ADD COLUMN assigned_to      VARCHAR(120),
    ADD COLUMN assigned_to_name VARCHAR(100),
    ADD COLUMN assigned_at      TIMESTAMPTZ,
    ADD COLUMN decided_by_name  VARCHAR(100),
    ADD CONSTRAINT enterprise_change_request_assignment_ck CHECK (
        (assigned_to IS NULL) = (assigned_at IS NULL) AND (assigned_to IS NULL OR status = 'PENDING'));
