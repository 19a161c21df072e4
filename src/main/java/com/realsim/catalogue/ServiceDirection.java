package com.realsim.catalogue;

import com.realsim.platform.Labelled;

/**
 * Whether a plan offers voice or SMS, and if so whether only to a list of allowed numbers (定向) or to anyone
 * (非定向). Ordered from narrowest to widest.
 */
public enum ServiceDirection implements Labelled {
    NONE,
    DIRECTIONAL,
    NON_DIRECTIONAL;

    @Override
    public String messageKey() {
        return "catalogue.direction." + name();
    }

    /** The wider of two directions: what a card can do with voice or SMS together. */
    public ServiceDirection widest(ServiceDirection other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
