package com.realsim.verification;

import com.realsim.platform.Labelled;

/**
 * A case is opened (a re-verification first waits for its documents: AWAITING_DOCUMENTS), checked automatically where a provider is configured, and then either decided at once (every
 * check passed: APPROVED) or left PENDING_REVIEW for OPS, who approve or reject it. Decisions are final.
 */
public enum VerificationStatus implements Labelled {
    AWAITING_DOCUMENTS,
    PENDING_REVIEW,
    APPROVED,
    REJECTED;

    @Override
    public String messageKey() {
        return "verification.status." + name();
    }

    public boolean decided() {
        return this == APPROVED || this == REJECTED;
    }
}
