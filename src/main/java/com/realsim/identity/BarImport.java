package com.realsim.identity;

import java.util.List;

/** What a CSV import of bars did: how many were recorded, and each refused line with its field and rule. */
public record BarImport(int recorded, List<Refused> refused) {

    /** A refused line (1 is the header): the field and the message key of the rule it broke. */
    public record Refused(int line, String field, String code, String messageKey) {}
}
