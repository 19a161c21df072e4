package com.realsim.risk.appeals;

import com.realsim.platform.Labelled;

/** Where an appeal stands: OPEN until OPS grant or reject it (at most one open appeal per card and reason). */
public enum AppealStatus implements Labelled {
    OPEN,
    GRANTED,
    REJECTED;

    @Override
    public String messageKey() {
        return "risk.appeal.status." + name();
    }
}
