package com.realsim.verification;

import com.realsim.platform.Labelled;

/** Whose real-name a case checks: an order's handler (经办人), a card's end user (使用人), or a flagged card again. */
public enum VerificationKind implements Labelled {
    HANDLER,
    END_USER,
    REVERIFICATION;

    @Override
    public String messageKey() {
        return "verification.kind." + name();
    }
}
