package com.realsim.card;

import com.realsim.platform.Labelled;

/**
 * What a card physically is: a plug-in card (插拔卡), a patch card soldered into the device (贴片卡) or an eSIM profile
 * (identified by its ICCID and the device's EID). Patch and eSIM cards are always bound to their device.
 */
public enum FormFactor implements Labelled {
    PLUG_IN,
    PATCH,
    ESIM;

    /** Whether a card of this form factor is bound to its device whatever its plan says. */
    public boolean alwaysBound() {
        return this != PLUG_IN;
    }

    @Override
    public String messageKey() {
        return "card.formFactor." + name();
    }
}
