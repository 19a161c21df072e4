-- The road to Citus (docs/scaling.md): the cards an alert concerns (risk_alert_card) live with the cards,
-- distributed by card_id; the alert itself is distributed by its subject. The link's foreign key to the alert crosses
-- groups and goes: alert_id is written only by RuleStatements.UPSERT, in the statement that inserts or updates the
-- alert, from the id that statement returns, and alerts are never deleted.
ALTER TABLE risk_alert_card DROP CONSTRAINT IF EXISTS risk_alert_card_alert_id_fkey;
