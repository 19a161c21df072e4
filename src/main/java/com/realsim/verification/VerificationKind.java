package com.realsim.verification;

/** Whose real-name a case checks: an order's handler (经办人), a card's end user (使用人), or a flagged card again. */
public enum VerificationKind {
    HANDLER,
    END_USER,
    REVERIFICATION
}
