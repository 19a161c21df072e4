-- Test only: a table shaped as other modules' tables hold sealed personal data, for the identity module's JPA tests.
CREATE TABLE identity_test_sealed_sample (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seal_key         UUID        NOT NULL UNIQUE,
    id_type          VARCHAR(40) NOT NULL,
    id_number_enc    BYTEA       NOT NULL,
    id_number_bidx   TEXT        NOT NULL,
    id_number_masked TEXT        NOT NULL,
    address_enc      BYTEA,
    address_masked   TEXT
);
CREATE INDEX identity_test_sealed_sample_bidx ON identity_test_sealed_sample (id_number_bidx);
