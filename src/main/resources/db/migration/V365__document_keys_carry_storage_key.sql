-- The road to Citus (docs/scaling.md): a stored document and its sealed content are distributed by storage_key (a
-- random key: files spread evenly, and both rows of one file sit on one node); the key joins the primary key.

ALTER TABLE stored_document DROP CONSTRAINT stored_document_pkey;
ALTER TABLE stored_document ADD CONSTRAINT stored_document_pkey PRIMARY KEY (storage_key, id);
CREATE INDEX stored_document_id_idx ON stored_document (id);
