package com.realsim.card.inventory;

/**
 * A line of an inventory file that was not imported: its line number in the file (the header is line 1), the
 * error code, the field at fault (null for the whole row), a message key, and the original row as CSV.
 */
public record RejectedLine(long line, String code, String field, String messageKey, String raw) {}
