package com.realsim.card.bulk;

import java.time.Instant;

/**
 * A bulk action as its starter's tenant sees it.
 *
 * @param done cards acted on
 * @param refused cards (and lines) refused, each with its reason
 * @param withLinks whether this action issued self-service links that have not been taken yet
 */
public record BulkView(
        long id,
        BulkAction action,
        String note,
        BulkStatus status,
        int total,
        int done,
        int refused,
        String startedBy,
        Instant createdAt,
        Instant finishedAt,
        boolean withLinks,
        Instant linksTakenAt,
        String linksTakenBy) {

    public int percent() {
        return total == 0 ? 100 : (int) Math.min(100, (done + refused) * 100L / total);
    }

    /** Finished or failed: nothing more will change but the taking of its links. */
    public boolean ended() {
        return status.isDone();
    }

    /** Self-service links were issued and may still be taken (once). */
    public boolean linksWaiting() {
        return action == BulkAction.SELF_SERVICE_LINK && ended() && withLinks && linksTakenAt == null;
    }
}
