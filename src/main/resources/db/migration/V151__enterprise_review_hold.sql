-- Issue 18: an enterprise's registration and its change requests are reviewed through the platform's Review
-- (maker, hold, decision). Both tables get the columns it maps and they lacked: the hold (empty: no page or API
-- claims an enterprise review yet; a hold exists only while the record waits for OPS) and the decider's name, kept
-- from now on for decisions to come.
DO $$
DECLARE
    reviewed RECORD;
BEGIN
    FOR reviewed IN
        SELECT * FROM (VALUES ('enterprise', 'SUBMITTED'), ('enterprise_change_request', 'PENDING')) AS t (tab, waiting)
    LOOP
        EXECUTE format('ALTER TABLE %1$I'
                       ' ADD COLUMN assigned_to VARCHAR(120),'
                       ' ADD COLUMN assigned_to_name VARCHAR(100),'
                       ' ADD COLUMN assigned_at TIMESTAMPTZ,'
                       ' ADD COLUMN decided_by_name VARCHAR(100),'
                       ' ADD CONSTRAINT %2$I CHECK ((assigned_to IS NULL) = (assigned_at IS NULL)'
                       ' AND (assigned_to IS NULL OR status = %3$L))',
                       reviewed.tab, reviewed.tab || '_assignment_ck', reviewed.waiting);
    END LOOP;
END $$;
