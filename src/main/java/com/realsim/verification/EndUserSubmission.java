package com.realsim.verification;

import com.realsim.identity.IdDocument;
import java.util.Objects;

/**
 * What an end user typed and photographed on the self-service page, checked for presence and the ID number's
 * format; the photos' content is checked when the subject's module stores them.
 *
 * @param idBack the back of the ID; may be empty for documents without one (passports)
 */
public record EndUserSubmission(
        String name, IdDocument idDocument, String idAddress, byte[] idFront, byte[] idBack, byte[] livePhoto) {

    public EndUserSubmission {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idDocument, "idDocument");
        Objects.requireNonNull(idAddress, "idAddress");
        Objects.requireNonNull(idFront, "idFront");
        Objects.requireNonNull(livePhoto, "livePhoto");
        idBack = idBack == null ? new byte[0] : idBack;
    }

    public boolean hasIdBack() {
        return idBack.length > 0;
    }

    @Override
    public String toString() {
        return "EndUserSubmission[" + idDocument + "]";
    }
}
