-- The rules of domain-rules.md "Risk monitoring" with their defaults. Each parameter's range is inclusive; "integer"
-- says whether a fraction is allowed. A rule flagged "immediate" in the table has no parameters.
INSERT INTO risk_rule (code, enabled, severity, parameters, ranges) VALUES
    ('SLEEPING_CARD', TRUE, 'MEDIUM', '{"days": 90}',
     '{"days": {"min": 1, "max": 3650, "integer": true}}'),
    ('SILENT_CARD', TRUE, 'MEDIUM', '{"days": 30}',
     '{"days": {"min": 1, "max": 3650, "integer": true}}'),
    ('ONE_ID_MANY_CARDS', TRUE, 'HIGH', '{"cards": 10}',
     '{"cards": {"min": 2, "max": 10000, "integer": true}}'),
    ('MACHINE_CARD_SEPARATION', TRUE, 'HIGH', '{}', '{}'),
    ('OUT_OF_PROFILE_USE', TRUE, 'MEDIUM', '{"factor": 3}',
     '{"factor": {"min": 1, "max": 100, "integer": false}}'),
    ('HANDSET_USE', TRUE, 'HIGH', '{}', '{}'),
    ('HANDLER_VELOCITY', TRUE, 'HIGH', '{"enterprises": 3, "days": 7}',
     '{"enterprises": {"min": 2, "max": 1000, "integer": true}, "days": {"min": 1, "max": 365, "integer": true}}'),
    ('BINDING_VELOCITY', TRUE, 'CRITICAL', '{"identities": 50, "hours": 1}',
     '{"identities": {"min": 2, "max": 100000, "integer": true}, "hours": {"min": 1, "max": 720, "integer": true}}'),
    -- off: ID addresses have no blind index yet to compare them by (docs/risk.md); it cannot be switched on until then
    ('SHARED_ADDRESS', FALSE, 'MEDIUM', '{"identities": 5}',
     '{"identities": {"min": 2, "max": 10000, "integer": true}}'),
    ('IDENTITY_ACROSS_ENTERPRISES', TRUE, 'HIGH', '{"enterprises": 3}',
     '{"enterprises": {"min": 2, "max": 1000, "integer": true}}'),
    ('BARRED_IDENTITY', TRUE, 'CRITICAL', '{}', '{}');

-- The audit trail's target types gain the risk module's records. The constraint is rebuilt from the values it holds
-- now plus these, so that types other migrations of this release add before this one are kept.
DO
$$
DECLARE
    allowed TEXT[];
BEGIN
    SELECT array_agg(DISTINCT m[1] ORDER BY m[1]) INTO allowed
    FROM regexp_matches(
        (SELECT pg_get_constraintdef(oid) FROM pg_constraint
         WHERE conname = 'audit_entry_target_type_check' AND conrelid = 'audit_entry'::regclass),
        '''([A-Z_]+)''', 'g') AS m;
    allowed := ARRAY(SELECT DISTINCT unnest(allowed || ARRAY['RISK_RULE', 'RISK_SETTINGS', 'RISK_ALERT']) ORDER BY 1);
    ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_target_type_check;
    EXECUTE format('ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_target_type_check CHECK (target_type IN (%s))',
                   (SELECT string_agg(quote_literal(a), ', ') FROM unnest(allowed) AS a));
END;
$$;
