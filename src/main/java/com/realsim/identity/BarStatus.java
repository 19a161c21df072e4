package com.realsim.identity;

import com.realsim.platform.Labelled;

/** A bar is ACTIVE (in force within its validity) until lifted early; it then stays, LIFTED. */
public enum BarStatus implements Labelled {
    ACTIVE,
    LIFTED;

    @Override
    public String messageKey() {
        return "identity.bar.status." + name();
    }
}
