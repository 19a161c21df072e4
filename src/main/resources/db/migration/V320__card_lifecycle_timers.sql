-- Lifecycle timers (issue 13): a test package's test period lasts the plan's test_period_days (catalogue); a card
-- waiting for activation is switched on after its operator's silent period (沉默期, silent_period_days, catalogue);
-- the card records when it entered each (test_started_at, pending_since), so that the timers are one statement each.
ALTER TABLE service_plan ADD COLUMN test_period_days INT NOT NULL DEFAULT 90
    CONSTRAINT service_plan_test_period_ck CHECK (test_period_days BETWEEN 1 AND 365);
ALTER TABLE operator_setting ADD COLUMN silent_period_days INT NOT NULL DEFAULT 180
    CONSTRAINT operator_setting_silent_period_ck CHECK (silent_period_days BETWEEN 1 AND 365);

ALTER TABLE card ADD COLUMN test_started_at TIMESTAMPTZ;
ALTER TABLE card ADD COLUMN pending_since TIMESTAMPTZ;
-- Cards already in these states: their last change is the best record of when they entered them (a later change
-- only moves the timer's start later, never ends a period early).
UPDATE card SET test_started_at = updated_at WHERE state = 'TEST';
UPDATE card SET pending_since = updated_at WHERE state = 'PENDING_ACTIVATION';

-- The timers find the due cards of their state through these (small: only cards in the state are in them).
CREATE INDEX card_test_started_idx ON card (test_started_at) WHERE state = 'TEST';
CREATE INDEX card_pending_since_idx ON card (pending_since) WHERE state = 'PENDING_ACTIVATION';
