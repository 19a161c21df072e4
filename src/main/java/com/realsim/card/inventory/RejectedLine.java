package com.realsim.card.inventory;

import java.util.List;

/**
 * A line of an inventory file that was not imported: its line number in the file (the header is line 1), the
 * error code, the field at fault (null for the whole row) and the message key of its first problem, the original row
 * as CSV, and every problem found on the line (the first one included).
 */
public record RejectedLine(
        long line, String code, String field, String messageKey, String raw, List<Problem> problems) {

    /** One thing wrong with a line: an error code, the column at fault (null for the whole line), a message key. */
    public record Problem(String code, String field, String messageKey) {}
}
