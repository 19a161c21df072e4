package com.realsim.verification;

import com.realsim.identity.IdType;
import com.realsim.platform.Actor;
import java.time.Instant;

/**
 * A case as pages and answers show it: personal data masked, photos as document ids ({@code /documents/{id}}).
 *
 * @param submittedBy who submitted it: an actor's name, or {@code self-service} for an end user's own submission
 * @param submitterKey the submitter's principal key ({@code USER:12}) or {@code SELF_SERVICE:<link id>}
 * @param assignedTo the name of the OPS user who claimed it, if anyone did
 * @param assigneeKey that user's principal key
 * @param decidedBy the deciding actor's name, or {@code system}
 * @param livePhotoDocumentId null while a re-verification waits for its documents
 * @param riskNoticeDocumentId a re-verification's signed fraud-risk notice, scanned at the counter
 * @param riskNoticeAcceptedAt when the person accepted the notice on the phone page
 */
public record VerificationCaseView(
        long id,
        VerificationKind kind,
        VerificationStatus status,
        String subjectType,
        long subjectId,
        String subjectLabel,
        long agentId,
        Long enterpriseId,
        String personName,
        IdType idType,
        String idNumber,
        long idPhotoDocumentId,
        Long idBackDocumentId,
        Long livePhotoDocumentId,
        Findings findings,
        String submittedBy,
        String submitterKey,
        Instant createdAt,
        String assignedTo,
        String assigneeKey,
        Instant assignedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionReason,
        Long riskNoticeDocumentId,
        Instant riskNoticeAcceptedAt) {

    /** A re-verification waiting for the person's live photo and the fraud-risk notice. */
    public boolean awaitsDocuments() {
        return status == VerificationStatus.AWAITING_DOCUMENTS;
    }

    /** Whether this actor submitted the case, and so may not decide it (maker-checker). */
    public boolean submittedBy(Actor actor) {
        return actor != null && actor.principalKey().equals(submitterKey);
    }

    /** Whether this actor holds the case (by principal key: a user and an API client may share a name). */
    public boolean heldBy(Actor actor) {
        return actor != null && actor.principalKey().equals(assigneeKey);
    }

    /** Whether a colleague of this actor holds the case, which only they may decide until they release it. */
    public boolean heldByAnother(Actor actor) {
        return assigneeKey != null && !heldBy(actor);
    }

    public boolean selfService() {
        return submitterKey.startsWith(VerificationCase.SELF_SERVICE_PREFIX);
    }
}
