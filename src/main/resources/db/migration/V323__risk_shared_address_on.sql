-- SHARED_ADDRESS can be evaluated now that end users' ID addresses have a blind index (V321, V322): switched on with
-- its default (5 distinct identities at one address). An ADMIN who changed it meanwhile could not have switched it on,
-- so nothing of theirs is overwritten but the flag.
UPDATE risk_rule SET enabled = TRUE, version = version + 1 WHERE code = 'SHARED_ADDRESS';
