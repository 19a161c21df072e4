-- Kept answers of idempotent requests hold nothing in clear any more (docs/conventions.md, "Idempotency-Key and clear
-- answers"): body_enc is the answer sealed with the personal-data key (AEAD bound to owner, key and fingerprint), the
-- fingerprint a keyed hash of the request, and answer says what a repeat of the finished request gets:
--   REPLAY        the sealed answer again
--   RUN_AGAIN     nothing kept; the request runs again (audited disclosures such as unmasking)
--   NOT_REPEATED  nothing kept; 409 IDEMPOTENT_ANSWER_NOT_REPEATED (secrets answered once)
-- Rows kept before this version have answer NULL until V101 (a Java migration: the fingerprint's key is not in the
-- database) drops their clear answers, keys their fingerprints and marks them NOT_REPEATED. The column is renamed so
-- that an instance of an earlier version, still running, fails rather than writes a clear answer.
ALTER TABLE idempotency_record RENAME COLUMN body TO body_enc;
ALTER TABLE idempotency_record ADD COLUMN answer VARCHAR(20)
    CONSTRAINT idempotency_record_answer_ck CHECK (answer IN ('REPLAY', 'RUN_AGAIN', 'NOT_REPEATED'));
