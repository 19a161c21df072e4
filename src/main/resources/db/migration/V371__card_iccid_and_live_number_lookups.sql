-- The road to Citus (docs/scaling.md): card is distributed by its id, so its two platform-wide unique values — the
-- ICCID of every card (card_iccid_uk) and the number of every live card (card_msisdn_live_uk: a cancelled card's
-- number may be issued again) — cannot stay unique indexes on it. Each becomes a lookup table keyed by the value,
-- holding the card that has it. Their primary keys keep the indexes' names, so a duplicate still fails on
-- card_iccid_uk / card_msisdn_live_uk.
--
-- Who writes them. On one PostgreSQL the triggers below keep both in the statement that writes the card, whoever
-- writes it: a card enters (the inventory import's COPY slices, a card made through JPA), a card's ICCID or number
-- changes (no path of the application does today; a replacement (补换卡) is another card with its own ICCID and
-- number, and a transfer (过户) changes the owner only), a card is cancelled (its number leaves the live lookup) or,
-- by hand, un-cancelled (its number comes back, or the statement fails if it was issued again meanwhile), a card is
-- deleted (never in the application). The inventory import's duplicate path (CardImporter) claims the lookup rows
-- itself first, with INSERT … ON CONFLICT DO NOTHING, and inserts only the cards that got both; the insert trigger
-- accepts a lookup row already held by the same card. On Citus the writers write the lookups themselves
-- (docs/scaling.md, "Global uniqueness").

ALTER TABLE card DROP CONSTRAINT card_iccid_uk;
DROP INDEX card_msisdn_live_uk;

CREATE TABLE card_iccid (
    iccid   VARCHAR(20) COLLATE "C" NOT NULL,
    card_id BIGINT                  NOT NULL,
    CONSTRAINT card_iccid_uk PRIMARY KEY (iccid)
);

CREATE TABLE card_msisdn_live (
    msisdn  VARCHAR(13) COLLATE "C" NOT NULL,
    card_id BIGINT                  NOT NULL,
    CONSTRAINT card_msisdn_live_uk PRIMARY KEY (msisdn)
);

INSERT INTO card_iccid (iccid, card_id) SELECT iccid, id FROM card;
INSERT INTO card_msisdn_live (msisdn, card_id) SELECT msisdn, id FROM card WHERE state <> 'CANCELLED';

-- The card's own reads keep their indexes, now plain: a card by its ICCID (the card-status read, the search by
-- ICCID prefix) and live cards by number (the search by number, exact or prefix).
CREATE INDEX card_iccid_idx ON card (iccid);
CREATE INDEX card_msisdn_live_idx ON card (msisdn) WHERE state <> 'CANCELLED';

-- New cards, set-based (an import slice of ~9,000 cards is one statement). The plain inserts are the usual case; when
-- one meets a row already there, they are redone skipping the rows that already name the same card (claimed by the
-- import's duplicate path), and any other holder fails the statement as a unique index would.
CREATE FUNCTION card_lookups_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        INSERT INTO card_iccid (iccid, card_id) SELECT iccid, id FROM added;
    EXCEPTION WHEN unique_violation THEN
        INSERT INTO card_iccid (iccid, card_id) SELECT iccid, id FROM added ON CONFLICT (iccid) DO NOTHING;
        IF EXISTS (SELECT FROM added a JOIN card_iccid l ON l.iccid = a.iccid WHERE l.card_id <> a.id) THEN
            RAISE unique_violation USING CONSTRAINT = 'card_iccid_uk', TABLE = 'card_iccid',
                MESSAGE = 'duplicate key value violates unique constraint "card_iccid_uk"';
        END IF;
    END;
    BEGIN
        INSERT INTO card_msisdn_live (msisdn, card_id) SELECT msisdn, id FROM added WHERE state <> 'CANCELLED';
    EXCEPTION WHEN unique_violation THEN
        INSERT INTO card_msisdn_live (msisdn, card_id) SELECT msisdn, id FROM added WHERE state <> 'CANCELLED'
            ON CONFLICT (msisdn) DO NOTHING;
        IF EXISTS (SELECT FROM added a JOIN card_msisdn_live l ON l.msisdn = a.msisdn
                    WHERE a.state <> 'CANCELLED' AND l.card_id <> a.id) THEN
            RAISE unique_violation USING CONSTRAINT = 'card_msisdn_live_uk', TABLE = 'card_msisdn_live',
                MESSAGE = 'duplicate key value violates unique constraint "card_msisdn_live_uk"';
        END IF;
    END;
    RETURN NULL;
END $$;

CREATE TRIGGER card_lookups_add AFTER INSERT ON card
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION card_lookups_add();

-- A card's ICCID or number changes, it is cancelled or un-cancelled, or it is deleted: row by row, and only for the
-- rows that change one of those (the WHEN clause keeps the card's everyday updates free of it).
CREATE FUNCTION card_lookups_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    live_before BOOLEAN := TG_OP <> 'INSERT' AND OLD.state <> 'CANCELLED';
    live_after  BOOLEAN := TG_OP <> 'DELETE' AND NEW.state <> 'CANCELLED';
BEGIN
    IF TG_OP = 'DELETE' OR NEW.iccid <> OLD.iccid THEN
        DELETE FROM card_iccid WHERE iccid = OLD.iccid AND card_id = OLD.id;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.iccid <> OLD.iccid THEN
        INSERT INTO card_iccid (iccid, card_id) VALUES (NEW.iccid, NEW.id);
    END IF;
    IF live_before AND NOT (live_after AND NEW.msisdn = OLD.msisdn) THEN
        DELETE FROM card_msisdn_live WHERE msisdn = OLD.msisdn AND card_id = OLD.id;
    END IF;
    IF live_after AND NOT (live_before AND NEW.msisdn = OLD.msisdn) THEN
        INSERT INTO card_msisdn_live (msisdn, card_id) VALUES (NEW.msisdn, NEW.id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER card_lookups_update AFTER UPDATE ON card
    FOR EACH ROW
    WHEN (OLD.iccid IS DISTINCT FROM NEW.iccid OR OLD.msisdn IS DISTINCT FROM NEW.msisdn
        OR (OLD.state = 'CANCELLED') IS DISTINCT FROM (NEW.state = 'CANCELLED'))
    EXECUTE FUNCTION card_lookups_change();

CREATE TRIGGER card_lookups_delete AFTER DELETE ON card
    FOR EACH ROW EXECUTE FUNCTION card_lookups_change();
