package com.realsim.approval;

import com.realsim.platform.Labelled;

/** PENDING until OPS decide; then APPROVED or REJECTED, for good. */
public enum ExceptionStatus implements Labelled {
    PENDING,
    APPROVED,
    REJECTED;

    @Override
    public String messageKey() {
        return "approval.status." + name();
    }

    public boolean decided() {
        return this != PENDING;
    }
}
