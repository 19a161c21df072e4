-- Registering and deleting a webhook is audited (target type WEBHOOK): the audit trail's target types are rebuilt
-- from the values they hold now, as V340 and V440 do.
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
    allowed := ARRAY(SELECT DISTINCT unnest(allowed || ARRAY['WEBHOOK']) ORDER BY 1);
    ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_target_type_check;
    EXECUTE format('ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_target_type_check CHECK (target_type IN (%s))',
                   (SELECT string_agg(quote_literal(a), ', ') FROM unnest(allowed) AS a));
END;
$$;
