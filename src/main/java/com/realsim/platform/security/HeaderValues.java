package com.realsim.platform.security;

import java.util.function.Predicate;

/**
 * The header values Spring Security's {@code StrictHttpFirewall} lets through — every character assigned in Unicode
 * and not a control character, except tab — checked code point by code point instead of by its default regular
 * expression {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}, which was a seventh of the work of a simple API
 * request (the bearer token makes the {@code Authorization} header about 1 KB; see docs/benchmarks.md).
 */
final class HeaderValues implements Predicate<String> {

    @Override
    public boolean test(String value) {
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && codePoint != '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
