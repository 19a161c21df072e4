package com.realsim.card.bulk;

import java.time.Instant;

/** A self-service link a bulk action issued, as taken (once): the only time after its issue that its URL is known. */
public record BulkLink(int line, String iccid, String url, Instant expiresAt) {

    @Override
    public String toString() {
        return "BulkLink[" + line + ", expires " + expiresAt + "]";
    }
}
