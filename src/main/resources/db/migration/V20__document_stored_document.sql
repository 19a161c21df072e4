-- Metadata of stored files (certificate photos, ID photos, letters, approval documents). The encrypted bytes are in
-- the document store under storage_key; nothing here is the uploaded file name.
CREATE TABLE stored_document (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_type    VARCHAR(40)  NOT NULL CHECK (owner_type ~ '^[A-Z][A-Z0-9_]*$'),
    owner_id      BIGINT       NOT NULL,
    kind          VARCHAR(60)  NOT NULL CHECK (kind ~ '^[A-Z][A-Z0-9_]*$'),
    content_type  VARCHAR(40)  NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'application/pdf')),
    size_bytes    BIGINT       NOT NULL CHECK (size_bytes > 0),
    sha256        VARCHAR(64)  NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key   VARCHAR(32)  NOT NULL CHECK (storage_key ~ '^[0-9a-f]{32}$'),
    agent_id      BIGINT,
    enterprise_id BIGINT,
    readable_by   VARCHAR(100) NOT NULL
        CHECK (readable_by ~ '^(ADMIN|OPS|AGENT|ENTERPRISE_ADMIN)(,(ADMIN|OPS|AGENT|ENTERPRISE_ADMIN))*$'),
    uploaded_by   VARCHAR(100) NOT NULL,
    uploaded_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT stored_document_storage_key_uk UNIQUE (storage_key)
);
CREATE INDEX stored_document_owner_idx ON stored_document (owner_type, owner_id);
CREATE INDEX stored_document_agent_idx ON stored_document (agent_id);
CREATE INDEX stored_document_enterprise_idx ON stored_document (enterprise_id);
