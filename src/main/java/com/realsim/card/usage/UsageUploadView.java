package com.realsim.card.usage;

import com.realsim.platform.jobs.JobStatus;
import java.time.Instant;

/** An uploaded usage file: its job's status and progress, and the records taken and rejected so far. */
public record UsageUploadView(
        long id,
        String fileName,
        JobStatus status,
        long bytes,
        long bytesRead,
        long linesDone,
        long accepted,
        long rejected,
        String errorKey,
        String startedBy,
        Instant createdAt,
        Instant finishedAt) {

    /** Progress in percent by bytes read while running, 100 when done. */
    public int percent() {
        if (status.isDone()) {
            return 100;
        }
        if (bytes == 0) {
            return 0;
        }
        return (int) Math.min(99, bytesRead * 100 / bytes);
    }

    public boolean done() {
        return status.isDone();
    }
}
