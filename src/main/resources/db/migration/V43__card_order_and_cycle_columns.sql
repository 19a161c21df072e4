-- What the second half of the card module records on a card: the order through which it came to its enterprise
-- (the order's handler is part of the card's real-name), its last usage and when it entered the cancellation cycle.
ALTER TABLE card ADD COLUMN handled_by_order_id BIGINT;
ALTER TABLE card ADD COLUMN last_usage_at TIMESTAMPTZ;
ALTER TABLE card ADD COLUMN pre_cancelled_at TIMESTAMPTZ;

UPDATE card SET pre_cancelled_at = updated_at WHERE state = 'PRE_CANCELLED';
ALTER TABLE card ADD CONSTRAINT card_pre_cancelled_ck CHECK (state <> 'PRE_CANCELLED' OR pre_cancelled_at IS NOT NULL);

-- The automatic cancellation cycle: working cards by their last sign of life (usage, or activation when never
-- used), and pre-cancelled cards by the moment they entered the cycle. Inventory cards are in neither index.
CREATE INDEX card_dormancy_idx ON card ((coalesce(last_usage_at, activated_at)))
    WHERE state IN ('ACTIVE', 'SUSPENDED');
CREATE INDEX card_pre_cancelled_idx ON card (pre_cancelled_at) WHERE state = 'PRE_CANCELLED';
