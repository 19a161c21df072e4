package com.realsim.card;

import com.realsim.platform.Labelled;

/** What a card's real-name still lacks: the {@code missing} of a {@code REAL_NAME_INCOMPLETE} refusal. */
public enum RealNameGap implements Labelled {
    ENTERPRISE_NOT_VERIFIED,
    RESPONSIBLE_PERSON_MISSING,
    HANDLER_MISSING,
    /** The plan requires an end user, none is bound, and no approved exception waives it. */
    END_USER_REQUIRED,
    /** An end user is bound but their verification has not passed. */
    END_USER_NOT_VERIFIED;

    @Override
    public String messageKey() {
        return "card.gap." + name();
    }
}
