package com.realsim.card;

import com.realsim.identity.IdType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A card's current end user as pages and the API show it: masked values only.
 *
 * @param idFrontDocumentId the photo's document ({@code /documents/{id}}, readable by OPS and the agent), or null
 * @param idBackNeeded whether the document has a back to photograph (a passport has none)
 */
public record EndUserView(
        String name,
        IdType idType,
        String idNumber,
        String idAddress,
        EndUserStatus status,
        Long verificationCaseId,
        Long idFrontDocumentId,
        Long idBackDocumentId,
        Long livePhotoDocumentId,
        boolean idBackNeeded,
        Instant boundAt,
        String boundBy) {

    /** Whether the agent may still upload photos: bound, and no verification case opened yet. */
    public boolean awaitsPhotos() {
        return status == EndUserStatus.BOUND && verificationCaseId == null;
    }

    /** The photos still to upload before the verification can start. */
    public List<EndUserPhoto> missingPhotos() {
        List<EndUserPhoto> missing = new ArrayList<>();
        if (idFrontDocumentId == null) {
            missing.add(EndUserPhoto.ID_FRONT);
        }
        if (idBackNeeded && idBackDocumentId == null) {
            missing.add(EndUserPhoto.ID_BACK);
        }
        if (livePhotoDocumentId == null) {
            missing.add(EndUserPhoto.LIVE_PHOTO);
        }
        return missing;
    }

    /** Whether a verification case is open and waiting for its decision. */
    public boolean underReview() {
        return status == EndUserStatus.BOUND && verificationCaseId != null;
    }
}
