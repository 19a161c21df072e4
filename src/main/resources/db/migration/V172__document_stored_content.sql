-- The database document store (realsim.documents.store=database, the default with an external PostgreSQL): the
-- encrypted bytes of each stored document, written in the transaction of the record it belongs to, so that every
-- instance opens every document and a rolled-back upload leaves nothing. The file-system store keeps them under
-- the data directory's documents folder instead (docs/document.md).
CREATE TABLE stored_document_content (
    storage_key VARCHAR(32) PRIMARY KEY CHECK (storage_key ~ '^[0-9a-f]{32}$')
        REFERENCES stored_document (storage_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    content     BYTEA       NOT NULL
);
