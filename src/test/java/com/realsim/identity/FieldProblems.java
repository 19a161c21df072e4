package com.realsim.identity;

import com.realsim.platform.error.DomainException;
import java.util.List;

/** Field problems as comparable text ("field CODE messageKey"): the record's argument array has no value equality. */
final class FieldProblems {

    private FieldProblems() {}

    static List<String> of(DomainException e) {
        return e.fieldProblems().stream()
                .map(p -> p.field() + " " + p.code() + " " + p.messageKey())
                .toList();
    }
}
