package com.realsim.card.usage;

/** A line of an uploaded usage file that was not taken: its number in the file (the header is 1), why, and the line. */
public record UsageUploadRejection(long line, String code, String field, String messageKey, String raw) {}
