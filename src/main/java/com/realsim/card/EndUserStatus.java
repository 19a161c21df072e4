package com.realsim.card;

import com.realsim.platform.Labelled;

/** Where an end user's binding to a card stands: bound (verification pending or not yet started), verified, rejected. */
public enum EndUserStatus implements Labelled {
    BOUND,
    VERIFIED,
    REJECTED;

    @Override
    public String messageKey() {
        return "card.endUser.status." + name();
    }
}
