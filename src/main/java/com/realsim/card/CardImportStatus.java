package com.realsim.card;

/** Where an inventory import stands. */
public enum CardImportStatus {
    QUEUED,
    RUNNING,
    FINISHED,
    FAILED;

    public boolean isDone() {
        return this == FINISHED || this == FAILED;
    }
}
