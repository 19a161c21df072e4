-- The audit chain's HMAC key (issue 17) is one of the platform's keys: from the instances' settings, or stored here
-- sealed with the key-encryption key that is not in the database (docs/keys.md).
ALTER TABLE platform_key DROP CONSTRAINT platform_key_name_check;
ALTER TABLE platform_key ADD CONSTRAINT platform_key_name_check
    CHECK (name IN ('personal-data', 'blind-index', 'documents', 'jwt-signing', 'audit-chain'));
