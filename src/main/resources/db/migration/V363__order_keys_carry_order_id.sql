-- The road to Citus (docs/scaling.md): an order's documents live with the order, distributed by order_id; the
-- order's seal key (a random UUID per row) is unique with the order's id, which is all a shard can check.

ALTER TABLE business_order_document DROP CONSTRAINT business_order_document_pkey;
ALTER TABLE business_order_document ADD CONSTRAINT business_order_document_pkey PRIMARY KEY (order_id, id);
CREATE INDEX business_order_document_id_idx ON business_order_document (id);

ALTER TABLE business_order DROP CONSTRAINT business_order_seal_key_key;
ALTER TABLE business_order ADD CONSTRAINT business_order_seal_key_uk UNIQUE (id, seal_key);
