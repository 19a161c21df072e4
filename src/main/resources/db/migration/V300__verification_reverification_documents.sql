-- Risk re-verification (issue 13): a REVERIFICATION case opens when OPS require it, before the person has given
-- anything. It waits for its documents (AWAITING_DOCUMENTS) — the live photo and the fraud-risk notice (涉诈风险告知书),
-- either a signed scan brought to the agent's counter or the checkbox of the phone page, with its time — and then goes
-- to review like every other case. The ID photo compared is the one on record (the binding's or the responsible
-- person's), taken over when the case opens.
ALTER TABLE verification_case DROP CONSTRAINT verification_case_status_check;
ALTER TABLE verification_case ADD CONSTRAINT verification_case_status_check
    CHECK (status IN ('AWAITING_DOCUMENTS', 'PENDING_REVIEW', 'APPROVED', 'REJECTED'));
ALTER TABLE verification_case ALTER COLUMN live_photo_document_id DROP NOT NULL;
ALTER TABLE verification_case ADD COLUMN risk_notice_document_id BIGINT;
ALTER TABLE verification_case ADD COLUMN risk_notice_accepted_at TIMESTAMPTZ;

ALTER TABLE verification_case DROP CONSTRAINT verification_case_decision_ck;
ALTER TABLE verification_case ADD CONSTRAINT verification_case_decision_ck CHECK (
    (status IN ('AWAITING_DOCUMENTS', 'PENDING_REVIEW') AND decided_at IS NULL AND decided_by IS NULL)
    OR (status IN ('APPROVED', 'REJECTED') AND decided_at IS NOT NULL AND decided_by IS NOT NULL));
-- Only a re-verification waits for its documents; every case under review or decided has its live photo, and a
-- re-verification also the notice (scan or accepted on the phone).
ALTER TABLE verification_case ADD CONSTRAINT verification_case_documents_ck CHECK (
    (status = 'AWAITING_DOCUMENTS' AND kind = 'REVERIFICATION')
    OR (status <> 'AWAITING_DOCUMENTS' AND live_photo_document_id IS NOT NULL
        AND (kind <> 'REVERIFICATION' OR risk_notice_document_id IS NOT NULL OR risk_notice_accepted_at IS NOT NULL)));
