-- Issue 14: one enterprise, one record. A USCC identifies one enterprise on the whole platform, not one per agent.
-- The code is a public record, kept in clear in enterprise.certificate_number, so the index is over that column.
--
-- Every record with a code holds it, whatever its status: a REJECTED registration is not final (its agent corrects
-- and resubmits it, domain rules "Enterprise customer"), so letting another agent take the code meanwhile would only
-- move the collision to the resubmission. A record gives its code up by being corrected to another code, or by being
-- handed over; the only records outside the index are those this migration marks as duplicates.
--
-- Databases that already hold the same code more than once keep every record and all its real-name data. In each
-- group one record keeps the code, decided the same way on every database: a verified record (VERIFIED or
-- CHANGE_PENDING; cards may rely on it) before the others, then the oldest (created_at), then the lowest id. The
-- others get duplicate_of = that record's id: they stay as they are (cards, orders, history), cannot be submitted
-- again under that code, and are listed for OPS on the review queue page to resolve (hand one over, or reject it).
-- Each is also named in a NOTICE of this migration.

ALTER TABLE enterprise
    ADD COLUMN duplicate_of BIGINT REFERENCES enterprise (id),
    ADD CONSTRAINT enterprise_duplicate_of_ck
        CHECK (duplicate_of IS NULL OR (duplicate_of <> id AND certificate_number IS NOT NULL));

WITH ranked AS (
    SELECT id,
           first_value(id) OVER same_code AS keeper,
           row_number() OVER same_code AS place
    FROM enterprise
    WHERE certificate_number IS NOT NULL
    WINDOW same_code AS (PARTITION BY certificate_number
                         ORDER BY status IN ('VERIFIED', 'CHANGE_PENDING') DESC, created_at, id)
)
UPDATE enterprise e
SET duplicate_of = ranked.keeper
FROM ranked
WHERE e.id = ranked.id AND ranked.place > 1;

DO $$
DECLARE
    duplicate RECORD;
BEGIN
    FOR duplicate IN
        SELECT d.id, d.agent_id, d.status, d.certificate_number,
               k.id AS keeper_id, k.agent_id AS keeper_agent_id, k.status AS keeper_status
        FROM enterprise d JOIN enterprise k ON k.id = d.duplicate_of
        ORDER BY d.certificate_number, d.id
    LOOP
        RAISE NOTICE 'USCC % is registered more than once: enterprise % (agent %, %) keeps it; enterprise % (agent %, %) is marked duplicate_of % for OPS to resolve',
            duplicate.certificate_number, duplicate.keeper_id, duplicate.keeper_agent_id, duplicate.keeper_status,
            duplicate.id, duplicate.agent_id, duplicate.status, duplicate.keeper_id;
    END LOOP;
END $$;

-- The platform-wide index replaces the per-agent one (V30), which it implies for every record it covers; a
-- hand-over may bring a duplicate to the agent of the record that keeps the code.
DROP INDEX enterprise_agent_certificate_uk;
CREATE UNIQUE INDEX enterprise_certificate_registered_uk ON enterprise (certificate_number)
    WHERE certificate_number IS NOT NULL AND duplicate_of IS NULL;
CREATE INDEX enterprise_duplicate_idx ON enterprise (duplicate_of) WHERE duplicate_of IS NOT NULL;
