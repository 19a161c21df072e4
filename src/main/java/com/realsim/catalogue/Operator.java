package com.realsim.catalogue;

import com.realsim.platform.Labelled;

/** The four operators whose IoT cards the platform registers; each has its own one-ID-N-cards limit. */
public enum Operator implements Labelled {
    CHINA_MOBILE,
    CHINA_UNICOM,
    CHINA_TELECOM,
    CHINA_BROADNET;

    @Override
    public String messageKey() {
        return "catalogue.operator." + name();
    }
}
