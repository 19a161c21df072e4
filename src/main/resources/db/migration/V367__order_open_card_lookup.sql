-- The road to Citus (docs/scaling.md): a card is in at most one open order (V60's business_order_card_open_uk); the
-- order's card rows are distributed by order_id, so that rule moves to a lookup table distributed by the ICCID,
-- holding the open order of each card in one. Its primary key keeps the index's name. On one PostgreSQL the
-- statement triggers below keep it, set-based (an order of 10,000 cards opens and closes in one statement each); on
-- Citus the order's statements write it themselves (docs/scaling.md, "Global uniqueness").

DROP INDEX business_order_card_open_uk;

CREATE TABLE order_open_iccid (
    iccid    VARCHAR(20) NOT NULL,
    order_id BIGINT      NOT NULL,
    CONSTRAINT business_order_card_open_uk PRIMARY KEY (iccid)
);

INSERT INTO order_open_iccid (iccid, order_id) SELECT iccid, order_id FROM business_order_card WHERE open;

CREATE FUNCTION order_open_iccid_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO order_open_iccid (iccid, order_id) SELECT iccid, order_id FROM added WHERE open;
    RETURN NULL;
END $$;

CREATE FUNCTION order_open_iccid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM order_open_iccid l USING old_rows b
     WHERE b.open AND l.iccid = b.iccid AND l.order_id = b.order_id;
    INSERT INTO order_open_iccid (iccid, order_id) SELECT iccid, order_id FROM new_rows WHERE open;
    RETURN NULL;
END $$;

CREATE FUNCTION order_open_iccid_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM order_open_iccid l USING removed r WHERE r.open AND l.iccid = r.iccid AND l.order_id = r.order_id;
    RETURN NULL;
END $$;

CREATE TRIGGER order_open_iccid_add AFTER INSERT ON business_order_card
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION order_open_iccid_add();
CREATE TRIGGER order_open_iccid_change AFTER UPDATE ON business_order_card
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION order_open_iccid_change();
CREATE TRIGGER order_open_iccid_remove AFTER DELETE ON business_order_card
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION order_open_iccid_remove();
