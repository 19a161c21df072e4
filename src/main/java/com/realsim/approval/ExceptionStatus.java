package com.realsim.approval;

/** PENDING until OPS decide; then APPROVED or REJECTED, for good. */
public enum ExceptionStatus {
    PENDING,
    APPROVED,
    REJECTED;

    public boolean decided() {
        return this != PENDING;
    }
}
