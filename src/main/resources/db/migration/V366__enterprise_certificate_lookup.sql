-- The road to Citus (docs/scaling.md): one enterprise record per USCC across the platform (V230) cannot stay a
-- unique index on enterprise, which is distributed by its id. It becomes a lookup table distributed by the
-- certificate number, holding the record that keeps each number (the one that is no duplicate). Its primary key keeps
-- the index's name, so a second registration of a number fails on enterprise_certificate_registered_uk as before
-- (RegistrationAttempts recognises it by that name). On one PostgreSQL the trigger below keeps the table in the
-- enterprise's statement; on Citus the registration writes it itself (docs/scaling.md, "Global uniqueness").

DROP INDEX enterprise_certificate_registered_uk;

CREATE TABLE enterprise_certificate (
    certificate_number VARCHAR(18) NOT NULL,
    enterprise_id      BIGINT      NOT NULL,
    CONSTRAINT enterprise_certificate_registered_uk PRIMARY KEY (certificate_number)
);

INSERT INTO enterprise_certificate (certificate_number, enterprise_id)
SELECT certificate_number, id FROM enterprise WHERE certificate_number IS NOT NULL AND duplicate_of IS NULL;

CREATE FUNCTION enterprise_certificate_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    held_before BOOLEAN := TG_OP <> 'INSERT' AND OLD.certificate_number IS NOT NULL AND OLD.duplicate_of IS NULL;
    held_after  BOOLEAN := TG_OP <> 'DELETE' AND NEW.certificate_number IS NOT NULL AND NEW.duplicate_of IS NULL;
BEGIN
    IF held_before AND NOT (held_after AND NEW.certificate_number = OLD.certificate_number) THEN
        DELETE FROM enterprise_certificate WHERE certificate_number = OLD.certificate_number AND enterprise_id = OLD.id;
    END IF;
    IF held_after AND NOT (held_before AND NEW.certificate_number = OLD.certificate_number) THEN
        INSERT INTO enterprise_certificate (certificate_number, enterprise_id) VALUES (NEW.certificate_number, NEW.id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER enterprise_certificate_keep
    AFTER INSERT OR UPDATE OF certificate_number, duplicate_of OR DELETE ON enterprise
    FOR EACH ROW EXECUTE FUNCTION enterprise_certificate_keep();

-- duplicate_of names the record that keeps the number: another enterprise, another shard, so no foreign key. It is
-- set by the registration or correction that found that record (RegistrationAttempts.holder, same transaction), and
-- enterprises are never deleted.
ALTER TABLE enterprise DROP CONSTRAINT enterprise_duplicate_of_fkey;
