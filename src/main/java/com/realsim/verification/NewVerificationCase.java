package com.realsim.verification;

import com.realsim.identity.IdDocument;
import com.realsim.platform.Actor;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person-to-ID check to open, for a record of the calling module.
 *
 * @param subjectType the record's type as its module names it: {@code ORDER}, {@code CARD}
 * @param subjectId the record's id
 * @param subjectLabel a display reference: an order number, a card's ICCID. Never personal data
 * @param agentId the agent organisation the subject belongs to (tenant)
 * @param enterpriseId the enterprise the subject belongs to, if any (tenant)
 * @param personName the person's name in clear; the case seals it
 * @param idDocument the person's checked ID document; the case seals it with its blind index
 * @param idPhotoDocumentId the front of the ID (a document of the document module, readable by OPS)
 * @param idBackDocumentId the back of the ID, if taken
 * @param livePhotoDocumentId the on-site or live photo of the person; null only for a {@code REVERIFICATION} case, which
 *     then waits for the live photo and the fraud-risk notice ({@code AWAITING_DOCUMENTS})
 * @param submittedBy who submits it; null only for an end user's own submission through a self-service link, which
 *     then counts as the submitter ({@code SELF_SERVICE:<link id>})
 */
public record NewVerificationCase(
        VerificationKind kind,
        String subjectType,
        long subjectId,
        String subjectLabel,
        long agentId,
        Long enterpriseId,
        String personName,
        IdDocument idDocument,
        long idPhotoDocumentId,
        Long idBackDocumentId,
        Long livePhotoDocumentId,
        Actor submittedBy) {

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    public NewVerificationCase {
        Objects.requireNonNull(kind, "kind");
        if (subjectType == null || !TYPE.matcher(subjectType).matches()) {
            throw new IllegalArgumentException("A subject type is an upper-case name of at most 40 characters");
        }
        if (subjectLabel == null || subjectLabel.isBlank() || subjectLabel.length() > 100) {
            throw new IllegalArgumentException("A subject label of 1 to 100 characters is required");
        }
        if (personName == null || personName.isBlank() || personName.strip().length() > 100) {
            throw new IllegalArgumentException("A person's name of 1 to 100 characters is required");
        }
        Objects.requireNonNull(idDocument, "idDocument");
        if (livePhotoDocumentId == null && kind != VerificationKind.REVERIFICATION) {
            throw new IllegalArgumentException("Only a re-verification opens without its live photo");
        }
    }

    /** A re-verification that waits for the person's live photo and the fraud-risk notice. */
    boolean awaitsDocuments() {
        return livePhotoDocumentId == null;
    }

    @Override
    public String toString() {
        return "NewVerificationCase[" + kind + " " + subjectType + " " + subjectId + ", " + idDocument + "]";
    }
}
