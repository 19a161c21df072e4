package com.realsim.card;

import com.realsim.catalogue.Operator;
import com.realsim.identity.IdDocument;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.web.Cursor;

/**
 * What a card list asks for: a search {@code q} (the last 4 to 8 digits of an ICCID; the start of an ICCID or number
 * from 9 digits on, or the whole of it; a whole IMSI), filters, the end user's full ID document (matched through its blind index,
 * never in clear) and a keyset page (newest first; {@code afterId} is the last id of the previous page).
 *
 * @param endUser the current end user's ID document, or null; {@link IdDocument#toString()} is masked
 */
public record CardQuery(
        String search,
        CardState state,
        BlockingReason reason,
        Operator operator,
        String planCode,
        Long enterpriseId,
        RealNameFilter realName,
        IdDocument endUser,
        Long afterId,
        int size) {

    /**
     * Cards in service whose real-name is complete or not, as the dashboards count them: incomplete while blocked by
     * {@code UNVERIFIED} or while the current end user is bound and waiting for review, or rejected.
     */
    public enum RealNameFilter {
        COMPLETE,
        INCOMPLETE
    }

    static final int MIN_PREFIX = 4;

    /** The longest "last digits" of an ICCID: longer searches are prefixes or whole values. */
    static final int MAX_SUFFIX = 8;

    static final int IMSI_LENGTH = 15;

    /** The filters of a list page or API call, without an end user. */
    public record Filters(
            String search,
            CardState state,
            BlockingReason reason,
            Operator operator,
            String planCode,
            Long enterpriseId,
            RealNameFilter realName) {

        public static Filters none() {
            return new Filters(null, null, null, null, null, null, null);
        }

        public static Filters state(CardState state) {
            return new Filters(null, state, null, null, null, null, null);
        }
    }

    /** The query of a list page: {@code cursor} is the opaque cursor of the previous page, or null. */
    public static CardQuery page(Filters filters, IdDocument endUser, String cursor, Integer size) {
        return new CardQuery(
                filters.search(),
                filters.state(),
                filters.reason(),
                filters.operator(),
                filters.planCode(),
                filters.enterpriseId(),
                filters.realName(),
                endUser,
                afterId(cursor),
                Cursor.size(size));
    }

    /** As {@link #page(Filters, IdDocument, String, Integer)} with the first filters alone. */
    public static CardQuery page(
            String search,
            CardState state,
            Operator operator,
            String planCode,
            Long enterpriseId,
            String cursor,
            Integer size) {
        return page(new Filters(search, state, null, operator, planCode, enterpriseId, null), null, cursor, size);
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

    public Filters filters() {
        return new Filters(search, state, reason, operator, planCode, enterpriseId, realName);
    }

    /**
     * Up to 8 digits are the end of an ICCID (what is printed last on the card and read out on the phone); longer
     * searches are the start of an ICCID (89…, the telecom industry code) or of a number (1…), or a whole IMSI.
     */
    boolean searchesIccidEnd() {
        return search != null && search.length() <= MAX_SUFFIX;
    }

    boolean searchesIccid() {
        return search != null && !searchesIccidEnd() && search.startsWith("89");
    }

    boolean searchesMsisdn() {
        return search != null && !searchesIccidEnd() && search.startsWith("1");
    }

    /** An IMSI: 15 digits of a Chinese network (MCC 460), matched whole. */
    boolean searchesImsi() {
        return search != null && search.length() == IMSI_LENGTH && search.startsWith("460");
    }

    /**
     * A search that matches few cards: an end user's ID, an IMSI, an ICCID's last digits, at least 9 digits of a
     * number or 13 of an ICCID.
     */
    boolean selectiveSearch() {
        return endUser != null
                || searchesImsi()
                || searchesIccidEnd()
                || searchesMsisdn()
                || (searchesIccid() && search.length() >= 13);
    }
}
