-- V101 dropped the clear answers kept before V100; an UPDATE leaves the old row versions in the table's file until
-- they are overwritten. VACUUM FULL writes the table anew (it is small: one day of requests) so that nothing clear
-- stays on disk. Flyway runs this statement outside a transaction, as PostgreSQL requires.
VACUUM FULL idempotency_record;
