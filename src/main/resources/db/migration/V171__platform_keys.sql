-- The platform's keys when the database is external (several instances): one row per key (platform.crypto,
-- docs/keys.md).
--   source CONFIGURATION: every instance gets the key from its settings (REALSIM_KEYS_<NAME>); the row holds only
--     the check value, so that an instance configured with another key refuses to start.
--   source DATABASE: the key itself, as Tink JSON sealed with the key-encryption key of the settings
--     (REALSIM_KEYS_KEK, AEAD bound to the key's name); the first instance of an empty database creates it, the
--     primary key of the row making that happen exactly once when instances start together.
-- check_value tells whether an instance holds the same key without revealing it: a constant sealed with the AEAD
-- key, the PRF's output for a constant, the JWK thumbprint of the signing key. version counts rotations, so that
-- every instance picks up another instance's rotation.
CREATE TABLE platform_key (
    name        VARCHAR(40) PRIMARY KEY
        CHECK (name IN ('personal-data', 'blind-index', 'documents', 'jwt-signing')),
    source      VARCHAR(16) NOT NULL CHECK (source IN ('CONFIGURATION', 'DATABASE')),
    sealed      BYTEA,
    check_value TEXT        NOT NULL CHECK (check_value <> ''),
    version     INT         NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    CHECK ((source = 'DATABASE') = (sealed IS NOT NULL))
);
