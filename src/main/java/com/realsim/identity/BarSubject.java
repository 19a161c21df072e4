package com.realsim.identity;

import com.realsim.platform.Labelled;

/** Who a bar is on: a person (ID document) or an enterprise (USCC). */
public enum BarSubject implements Labelled {
    PERSON,
    ENTERPRISE;

    @Override
    public String messageKey() {
        return "identity.bar.subject." + name();
    }
}
