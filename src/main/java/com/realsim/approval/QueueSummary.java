package com.realsim.approval;

import java.time.Duration;
import java.time.Instant;

/**
 * The numbers above the queue, within the current actor's scope: requests by status, pending ones by kind and by
 * assignment, and since when the oldest pending request waits.
 */
public record QueueSummary(
        long pending,
        long pendingProvincial,
        long pendingGroup,
        long pendingUnassigned,
        long pendingAssignedToMe,
        long approved,
        long rejected,
        Instant oldestPendingSince) {

    /** How long the oldest pending request has waited, or null when none is pending. */
    public Duration oldestPendingAge(Instant now) {
        return oldestPendingSince == null ? null : Duration.between(oldestPendingSince, now);
    }
}
