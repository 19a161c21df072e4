package com.realsim.verification;

/**
 * A case was decided, automatically or by OPS. Published in the deciding transaction; the card and order modules
 * listen to it ({@code @ApplicationModuleListener}) to mark an end user verified or to complete an order.
 *
 * @param outcome {@link VerificationStatus#APPROVED} or {@link VerificationStatus#REJECTED}
 * @param decidedBy the deciding actor's name, or {@code system} for an automatic approval
 * @param reason the reviewer's reason, or what the automatic checks found
 */
public record VerificationDecided(
        long caseId,
        VerificationKind kind,
        String subjectType,
        long subjectId,
        VerificationStatus outcome,
        String decidedBy,
        String reason) {

    public boolean approved() {
        return outcome == VerificationStatus.APPROVED;
    }
}
