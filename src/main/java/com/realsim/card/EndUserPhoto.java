package com.realsim.card;

import com.realsim.platform.Labelled;

/**
 * The photos of an end user's verification, as the Partner API names them ({@code kind}); stored as documents of the
 * card ({@code CARD}/{@code END_USER_ID_FRONT} …), readable by OPS and the agent.
 */
public enum EndUserPhoto implements Labelled {
    ID_FRONT,
    ID_BACK,
    LIVE_PHOTO;

    /** The document kind the document module stores it as. */
    public String documentKind() {
        return "END_USER_" + name();
    }

    @Override
    public String messageKey() {
        return "card.endUser.photo." + name();
    }
}
