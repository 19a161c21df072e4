-- The road to Citus (docs/scaling.md): an exception request belongs to its card's group, distributed by card_id
-- (its unique indexes, one pending and one approved request per card, already start with card_id).

ALTER TABLE exception_request DROP CONSTRAINT exception_request_pkey;
ALTER TABLE exception_request ADD CONSTRAINT exception_request_pkey PRIMARY KEY (card_id, id);
CREATE INDEX exception_request_id_idx ON exception_request (id);
DROP INDEX exception_request_card_idx; -- (card_id, id): the primary key now
