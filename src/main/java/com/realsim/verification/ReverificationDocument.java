package com.realsim.verification;

import com.realsim.platform.Labelled;

/**
 * What a re-verification waits for: the person's live photo (compared with the ID photo on record) and the signed
 * fraud-risk notice (涉诈风险告知书) — at the agent's counter both as documents; on the phone the notice is a checkbox.
 */
public enum ReverificationDocument implements Labelled {
    LIVE_PHOTO("REVERIFICATION_LIVE_PHOTO"),
    RISK_NOTICE("RISK_NOTICE");

    private final String documentKind;

    ReverificationDocument(String documentKind) {
        this.documentKind = documentKind;
    }

    /** The kind of the stored document (document module). */
    public String documentKind() {
        return documentKind;
    }

    @Override
    public String messageKey() {
        return "verification.document." + name();
    }
}
