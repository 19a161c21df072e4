-- Re-verification of an alert's cards (issue 13): requiring it opens one REVERIFICATION case per card concerned; the
-- card's row names its latest case (a new one replaces a rejected one when OPS require it again). The overdue job
-- reads the cases' status (verification_case, read-only) to stop exactly the cards whose case is not approved.
-- No foreign key: the case lies in the verification module (and in another distribution group, docs/scaling.md).
ALTER TABLE risk_alert_card ADD COLUMN reverification_case_id BIGINT;
CREATE INDEX risk_alert_card_case_idx ON risk_alert_card (reverification_case_id)
    WHERE reverification_case_id IS NOT NULL;
