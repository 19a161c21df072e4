package com.realsim.risk;

import java.util.List;

/** The outcome of an import of handset type allocation codes: rows imported, and each refused row with its rule. */
public record HandsetTacImport(int imported, List<Rejected> rejected) {

    /** A refused row: its line in the file (the header is line 1), the field and the message key. */
    public record Rejected(long line, String field, String code, String messageKey) {}
}
