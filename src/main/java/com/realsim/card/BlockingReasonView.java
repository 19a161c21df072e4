package com.realsim.card;

import java.time.Instant;

/** One blocking reason of a card with its history: since when, by whom, and — once cleared — when and by whom. */
public record BlockingReasonView(
        BlockingReason reason,
        Instant since,
        String addedBy,
        String note,
        Instant clearedAt,
        String clearedBy,
        String clearNote) {

    public boolean active() {
        return clearedAt == null;
    }

    /** What clears it: a stable code, and {@code clearedByMessageKey} for the text every role is shown. */
    public BlockingReason.ClearedBy clearedByEvent() {
        return reason.clearedBy();
    }
}
