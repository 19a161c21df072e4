-- The road to Citus (docs/scaling.md): an alert is distributed by its subject (subject_key: a card id, an identity's
-- blind index, an address key, a user name, an agent or enterprise id), the column the scan writes by — its one open
-- alert per rule and subject (risk_alert_open_uk) already carries it. The primary key now carries it too; Hibernate
-- still finds an alert by its id (RiskAlert's @Id), through a plain index on id. No table references risk_alert (id)
-- any more (risk_alert_card's key went in V368).
ALTER TABLE risk_alert DROP CONSTRAINT risk_alert_pkey;
ALTER TABLE risk_alert ADD CONSTRAINT risk_alert_pkey PRIMARY KEY (subject_key, id);
CREATE INDEX risk_alert_id_idx ON risk_alert (id);

-- card_id names the card of a card alert: another group (the card's), so no foreign key. It is written only by the
-- scan's upsert (RuleStatements.UPSERT), from the card row that statement read, and cards are never deleted; the
-- check risk_alert_card_subject_ck keeps it equal to the subject of a card alert.
ALTER TABLE risk_alert DROP CONSTRAINT risk_alert_card_id_fkey;
