package com.realsim.verification;

import java.util.Objects;

/**
 * What the self-service page tells the end user they are verifying. Masked or public values only: the page is
 * reachable by anyone holding the link.
 *
 * @param label e.g. {@code 8986****1234} for a card
 * @param enterpriseName the enterprise the card belongs to (null for a re-verification, whose page names the card only)
 */
public record SubjectDescription(String label, String enterpriseName) {

    public SubjectDescription {
        Objects.requireNonNull(label, "label");
    }
}
