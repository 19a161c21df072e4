package com.realsim.card.inventory;

import com.realsim.platform.Labelled;

/** Where an inventory import stands. */
public enum CardImportStatus implements Labelled {
    QUEUED,
    RUNNING,
    FINISHED,
    FAILED;

    @Override
    public String messageKey() {
        return "card.import.status." + name();
    }

    public boolean isDone() {
        return this == FINISHED || this == FAILED;
    }
}
