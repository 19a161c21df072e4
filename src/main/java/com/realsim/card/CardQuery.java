package com.realsim.card;

import com.realsim.catalogue.Operator;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.web.Cursor;

/**
 * What a card list asks for: a search by ICCID or number (exact, or a prefix of at least 4 digits), filters, and a
 * keyset page (newest first; {@code afterId} is the last id of the previous page).
 */
public record CardQuery(
        String search, CardState state, Operator operator, String planCode, Long enterpriseId, Long afterId, int size) {

    static final int MIN_PREFIX = 4;

    /** The query of a list page: {@code cursor} is the opaque cursor of the previous page, or null. */
    public static CardQuery page(
            String search,
            CardState state,
            Operator operator,
            String planCode,
            Long enterpriseId,
            String cursor,
            Integer size) {
        return new CardQuery(search, state, operator, planCode, enterpriseId, afterId(cursor), Cursor.size(size));
    }

    private static Long afterId(String cursor) {
        String key = Cursor.decode(cursor);
        if (key == null) {
            return null;
        }
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new ValidationException(
                    new FieldProblem("cursor", ErrorCode.VALIDATION_FAILED, "validation.invalid"));
        }
    }

    public CardQuery {
        search = search == null || search.isBlank()
                ? null
                : search.replace(" ", "").strip();
        planCode = planCode == null || planCode.isBlank() ? null : planCode.strip();
        if (search != null
                && (!search.chars().allMatch(c -> c >= '0' && c <= '9')
                        || search.length() < MIN_PREFIX
                        || search.length() > 20)) {
            throw new ValidationException(
                    new FieldProblem("q", ErrorCode.VALIDATION_FAILED, "card.search.invalid", MIN_PREFIX));
        }
        if (size < 1) {
            throw new IllegalArgumentException("A page has at least one row");
        }
    }

    /** ICCIDs start with 89 (the telecom industry code), numbers with 1. */
    boolean searchesIccid() {
        return search != null && search.startsWith("89");
    }

    boolean searchesMsisdn() {
        return search != null && search.startsWith("1");
    }

    /** A search long enough to match few cards: at least 7 digits of a number, 13 of an ICCID. */
    boolean selectiveSearch() {
        return (searchesMsisdn() && search.length() >= 7) || (searchesIccid() && search.length() >= 13);
    }
}
