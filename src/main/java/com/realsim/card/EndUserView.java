package com.realsim.card;

import com.realsim.identity.IdType;
import java.time.Instant;

/**
 * A card's current end user as pages and the API show it: masked values only.
 *
 * @param idBackNeeded whether the document has a back to photograph (a passport has none)
 */
public record EndUserView(
        String name,
        IdType idType,
        String idNumber,
        String idAddress,
        EndUserStatus status,
        Long verificationCaseId,
        boolean idFront,
        boolean idBack,
        boolean livePhoto,
        boolean idBackNeeded,
        Instant boundAt,
        String boundBy) {

    /** Whether the agent may still upload photos: bound, and no verification case opened yet. */
    public boolean awaitsPhotos() {
        return status == EndUserStatus.BOUND && verificationCaseId == null;
    }

    /** Whether a verification case is open and waiting for its decision. */
    public boolean underReview() {
        return status == EndUserStatus.BOUND && verificationCaseId != null;
    }
}
