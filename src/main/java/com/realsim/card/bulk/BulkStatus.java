package com.realsim.card.bulk;

import com.realsim.platform.Labelled;

/** Where a bulk action is: queued, running, finished (every card has its outcome) or failed as a whole. */
public enum BulkStatus implements Labelled {
    QUEUED,
    RUNNING,
    FINISHED,
    FAILED;

    public boolean isDone() {
        return this == FINISHED || this == FAILED;
    }

    @Override
    public String messageKey() {
        return "card.bulk.status." + name();
    }
}
