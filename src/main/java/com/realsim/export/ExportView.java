package com.realsim.export;

import java.time.Instant;
import java.util.Map;

/**
 * An export as its tenant sees it.
 *
 * @param filter the list's filter it was made with (codes and ids)
 * @param unmasked whether the file holds clear personal data (the operator report's full version)
 * @param rowsTotal the rows the file will hold, once counted; null before
 * @param rowsDone the rows written so far
 * @param errorKey why a FAILED export failed (a message key)
 */
public record ExportView(
        long id,
        ExportKind kind,
        ExportFormat format,
        ExportStatus status,
        Map<String, String> filter,
        boolean unmasked,
        String createdBy,
        Instant createdAt,
        Instant finishedAt,
        Instant expiresAt,
        Long rowsTotal,
        long rowsDone,
        Long bytes,
        String errorKey) {

    /** Percent done, 0–100. */
    public int percent() {
        if (status == ExportStatus.DONE) {
            return 100;
        }
        if (rowsTotal == null || rowsTotal == 0) {
            return 0;
        }
        return (int) Math.min(100, rowsDone * 100 / rowsTotal);
    }

    /** The file's name for a download. */
    public String fileName() {
        return "realsim-" + kind.name().toLowerCase().replace('_', '-') + "-" + id + "." + format.extension();
    }
}
