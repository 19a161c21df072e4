package com.realsim.document;

import java.time.Instant;

/** A stored document as other modules and pages list it: what it is and where to open it, never its content. */
public record DocumentSummary(
        long id,
        String ownerType,
        long ownerId,
        String kind,
        DocumentContentType contentType,
        long sizeBytes,
        Instant uploadedAt) {

    /** The page that shows it: {@code /documents/{id}}. */
    public String path() {
        return "/documents/" + id;
    }
}
