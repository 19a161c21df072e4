-- The one-ID-N-cards counters are kept by PostgreSQL itself: a current binding (card_end_user.ended_at IS NULL) of a
-- card that is not CANCELLED holds one slot of its identity at the card's operator, and the triggers below move the
-- counter in the same statement as the binding or the card, whoever writes it. The application no longer pairs its
-- writes with counter updates by hand; it only locks the counter rows and checks the limit before binding
-- (card.domain.IdentityQuota), which keeps concurrent bindings of one identity race-free.

CREATE FUNCTION card_quota_move(p_operator VARCHAR, p_bidx VARCHAR, p_delta INT) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    IF p_delta > 0 THEN
        INSERT INTO identity_quota AS q (operator, id_bidx, cards_held) VALUES (p_operator, p_bidx, p_delta)
            ON CONFLICT (operator, id_bidx) DO UPDATE SET cards_held = q.cards_held + p_delta;
    ELSIF p_delta < 0 THEN
        -- below zero the CHECK (cards_held >= 0) refuses the write: a counter that would go negative was tampered with
        UPDATE identity_quota SET cards_held = cards_held + p_delta WHERE operator = p_operator AND id_bidx = p_bidx;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'one-ID-N-cards counter missing for a binding being released'
                USING ERRCODE = 'check_violation', CONSTRAINT = 'identity_quota_cards_held_check';
        END IF;
    END IF;
END $$;

-- A binding starts, ends, or (never in the application, but by hand) moves to another card or identity.
CREATE FUNCTION card_end_user_quota() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    card_operator VARCHAR;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.ended_at IS NULL THEN
        SELECT operator INTO card_operator FROM card WHERE id = OLD.card_id AND state <> 'CANCELLED';
        IF FOUND THEN
            PERFORM card_quota_move(card_operator, OLD.id_number_bidx, -1);
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.ended_at IS NULL THEN
        SELECT operator INTO card_operator FROM card WHERE id = NEW.card_id AND state <> 'CANCELLED';
        IF FOUND THEN
            PERFORM card_quota_move(card_operator, NEW.id_number_bidx, 1);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER card_end_user_quota_insert_delete
    AFTER INSERT OR DELETE ON card_end_user
    FOR EACH ROW EXECUTE FUNCTION card_end_user_quota();

CREATE TRIGGER card_end_user_quota_update
    AFTER UPDATE ON card_end_user
    FOR EACH ROW
    WHEN ((OLD.ended_at IS NULL) IS DISTINCT FROM (NEW.ended_at IS NULL)
        OR OLD.id_number_bidx IS DISTINCT FROM NEW.id_number_bidx
        OR OLD.card_id IS DISTINCT FROM NEW.card_id)
    EXECUTE FUNCTION card_end_user_quota();

-- A card is cancelled (its end user's slot is free) or, by hand, un-cancelled or moved to another operator.
CREATE FUNCTION card_quota() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.state <> 'CANCELLED' THEN
        PERFORM card_quota_move(OLD.operator, e.id_number_bidx, -1)
           FROM card_end_user e WHERE e.card_id = OLD.id AND e.ended_at IS NULL;
    END IF;
    IF NEW.state <> 'CANCELLED' THEN
        PERFORM card_quota_move(NEW.operator, e.id_number_bidx, 1)
           FROM card_end_user e WHERE e.card_id = NEW.id AND e.ended_at IS NULL;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER card_quota_update
    AFTER UPDATE ON card
    FOR EACH ROW
    WHEN ((OLD.state = 'CANCELLED') IS DISTINCT FROM (NEW.state = 'CANCELLED')
        OR OLD.operator IS DISTINCT FROM NEW.operator)
    EXECUTE FUNCTION card_quota();

-- From now on the counters move with the rows, so they start from the rows: whatever drift the hand-paired updates
-- left is gone (the previous drift check logged it).
DELETE FROM identity_quota;
INSERT INTO identity_quota (operator, id_bidx, cards_held)
SELECT c.operator, e.id_number_bidx, count(*)
  FROM card_end_user e JOIN card c ON c.id = e.card_id
 WHERE e.ended_at IS NULL AND c.state <> 'CANCELLED'
 GROUP BY c.operator, e.id_number_bidx;

-- The last drift check's outcome, for the health indicator of every instance (one row).
CREATE TABLE card_quota_drift (
    id          INT         PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    checked_at  TIMESTAMPTZ NOT NULL,
    drifted     INT         NOT NULL CHECK (drifted >= 0)
);
