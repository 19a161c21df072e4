package com.realsim.card.inventory;

import java.time.Instant;

/** An inventory import job: its file, progress and outcome. */
public record CardImportView(
        long id,
        String fileName,
        CardImportStatus status,
        Long bytesTotal,
        long bytesRead,
        long rowsRead,
        long rowsImported,
        long rowsRejected,
        String failureKey,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String startedBy) {

    /** Progress in percent by bytes read while reading, 100 when done. */
    public int percent() {
        if (status.isDone()) {
            return 100;
        }
        if (bytesTotal == null || bytesTotal == 0) {
            return 0;
        }
        return (int) Math.min(99, bytesRead * 100 / bytesTotal);
    }
}
