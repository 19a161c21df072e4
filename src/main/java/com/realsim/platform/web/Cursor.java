package com.realsim.platform.web;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque cursors for keyset pagination: the last row's sort key (for example {@code "2026-11-23T06:00:00Z|1234"})
 * in URL-safe Base64. A cursor that does not decode is a field error of {@code cursor}.
 */
public final class Cursor {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    private Cursor() {}

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key in a cursor, or null for the first page. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(
                    new FieldProblem("cursor", ErrorCode.VALIDATION_FAILED, "validation.invalid"));
        }
    }

    /** The id in a cursor made by {@code encode(Long.toString(id))}, or null for the first page. */
    public static Long decodeId(String cursor) {
        String key = decode(cursor);
        if (key == null) {
            return null;
        }
        try {
            return Long.valueOf(key);
        } catch (NumberFormatException e) {
            throw new ValidationException(
                    new FieldProblem("cursor", ErrorCode.VALIDATION_FAILED, "validation.invalid"));
        }
    }

    /** The cursor that continues after the row with this id. */
    public static String ofId(long id) {
        return encode(Long.toString(id));
    }

    /** A page size within 1..{@value #MAX_SIZE}; {@value #DEFAULT_SIZE} when none is given. */
    public static int size(Integer requested) {
        if (requested == null) {
            return DEFAULT_SIZE;
        }
        if (requested < 1 || requested > MAX_SIZE) {
            throw new ValidationException(
                    new FieldProblem("size", ErrorCode.VALIDATION_FAILED, "validation.pageSize", 1, MAX_SIZE));
        }
        return requested;
    }
}
