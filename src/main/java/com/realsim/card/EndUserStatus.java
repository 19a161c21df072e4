package com.realsim.card;

/** Where an end user's binding to a card stands: bound (verification pending or not yet started), verified, rejected. */
public enum EndUserStatus {
    BOUND,
    VERIFIED,
    REJECTED;

    public String messageKey() {
        return "card.endUser.status." + name();
    }
}
