-- Test only: a table that keeps a person (default column names), a second person under a prefix, and a name with an
-- ID document without an address, for the identity module's tests of SealedPerson and SealedIdentity.
CREATE TABLE identity_test_sealed_person (
    id                        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seal_key                  UUID        NOT NULL UNIQUE,
    name_enc                  BYTEA       NOT NULL,
    name_masked               TEXT        NOT NULL,
    id_type                   VARCHAR(40) NOT NULL,
    id_number_enc             BYTEA       NOT NULL,
    id_number_bidx            TEXT        NOT NULL,
    id_number_masked          TEXT        NOT NULL,
    id_address_enc            BYTEA       NOT NULL,
    id_address_masked         TEXT        NOT NULL,
    handler_name_enc          BYTEA,
    handler_name_masked       TEXT,
    handler_id_type           VARCHAR(40),
    handler_id_number_enc     BYTEA,
    handler_id_number_bidx    TEXT,
    handler_id_number_masked  TEXT,
    handler_id_address_enc    BYTEA,
    handler_id_address_masked TEXT,
    witness_name_enc          BYTEA,
    witness_name_masked       TEXT,
    witness_id_type           VARCHAR(40),
    witness_id_number_enc     BYTEA,
    witness_id_number_bidx    TEXT,
    witness_id_number_masked  TEXT
);
