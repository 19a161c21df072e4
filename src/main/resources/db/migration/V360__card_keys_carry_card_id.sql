-- The road to Citus (docs/scaling.md): a card's blocking reasons, end users and eSIM events live with the card,
-- distributed by card_id, so card_id is part of their primary keys and unique constraints. Hibernate still finds a
-- row by its id (the entities' @Id), through a plain index on id.

ALTER TABLE card_blocking_reason DROP CONSTRAINT card_blocking_reason_pkey;
ALTER TABLE card_blocking_reason ADD CONSTRAINT card_blocking_reason_pkey PRIMARY KEY (card_id, id);
CREATE INDEX card_blocking_reason_id_idx ON card_blocking_reason (id);
DROP INDEX card_blocking_reason_card_idx; -- the primary key starts with card_id

ALTER TABLE card_esim_event DROP CONSTRAINT card_esim_event_pkey;
ALTER TABLE card_esim_event ADD CONSTRAINT card_esim_event_pkey PRIMARY KEY (card_id, id);
CREATE INDEX card_esim_event_id_idx ON card_esim_event (id);

-- copied_from_id names the end user of the card a replacement card (补换卡) was made from: another card, another
-- shard, so no foreign key. It is written once, by CardEndUser.copyTo in the replacement's transaction, from the row
-- that transaction read; end users are never deleted.
ALTER TABLE card_end_user DROP CONSTRAINT card_end_user_copied_from_id_fkey;
ALTER TABLE card_end_user DROP CONSTRAINT card_end_user_pkey;
ALTER TABLE card_end_user ADD CONSTRAINT card_end_user_pkey PRIMARY KEY (card_id, id);
CREATE INDEX card_end_user_id_idx ON card_end_user (id);
-- a seal key is a random UUID per row; unique within its card (a shard checks no more)
ALTER TABLE card_end_user DROP CONSTRAINT card_end_user_seal_key_key;
ALTER TABLE card_end_user ADD CONSTRAINT card_end_user_seal_key_uk UNIQUE (card_id, seal_key);
