package com.realsim.audit;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.web.Cursor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which entries to list: all filters optional, {@code from} inclusive and {@code to} exclusive, newest first, at most
 * {@code size} entries after the cursor's entry.
 */
public record AuditQuery(
        String targetType,
        String targetId,
        String actor,
        String action,
        Instant from,
        Instant to,
        int size,
        Instant afterAt,
        Long afterId) {

    /**
     * The target types of the Partner API contract, and AGENT, DOCUMENT and the card module's policy records
     * (CARD_IMPORT, SERVICE_PLAN, OPERATOR, REAL_NAME_RULE), and the identity module's bars (BAR). The database checks the
     * same list (V90, V91, V221); the risk module's rules, settings and alerts (RISK_RULE, RISK_SETTINGS, RISK_ALERT,
     * V241).
     */
    public static final List<String> TARGET_TYPES = List.of(
            "ENTERPRISE",
            "CARD",
            "ORDER",
            "VERIFICATION",
            "EXCEPTION",
            "API_CLIENT",
            "USER",
            "AGENT",
            "DOCUMENT",
            "CARD_IMPORT",
            "SERVICE_PLAN",
            "OPERATOR",
            "REAL_NAME_RULE",
            "BAR",
            "RISK_RULE",
            "RISK_SETTINGS",
            "RISK_ALERT",
            "EXPORT",
            "CARD_BULK",
            "WEBHOOK");

    /**
     * Normalises and checks a request's filters: blank means no filter, target type and action are upper-cased.
     *
     * @throws ValidationException naming the fields that are wrong (targetType, to, size, cursor)
     */
    public static AuditQuery of(
            String targetType,
            String targetId,
            String actor,
            String action,
            Instant from,
            Instant to,
            Integer size,
            String cursor) {
        List<FieldProblem> problems = new ArrayList<>();
        String type = upper(targetType);
        if (type != null && !TARGET_TYPES.contains(type)) {
            problems.add(new FieldProblem("targetType", ErrorCode.VALIDATION_FAILED, "validation.invalid"));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("to", ErrorCode.VALIDATION_FAILED, "audit.filter.toBeforeFrom"));
        }
        int pageSize = Cursor.DEFAULT_SIZE;
        try {
            pageSize = Cursor.size(size);
        } catch (ValidationException wrongSize) {
            problems.addAll(wrongSize.fieldProblems());
        }
        Instant afterAt = null;
        Long afterId = null;
        try {
            String key = Cursor.decode(cursor);
            if (key != null) {
                int bar = key.indexOf('|');
                if (bar < 0) {
                    throw new IllegalArgumentException("no separator");
                }
                afterAt = Instant.parse(key.substring(0, bar));
                afterId = Long.parseLong(key.substring(bar + 1));
            }
        } catch (ValidationException | IllegalArgumentException | DateTimeParseException notACursor) {
            problems.add(new FieldProblem("cursor", ErrorCode.VALIDATION_FAILED, "validation.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new AuditQuery(
                type, blankToNull(targetId), blankToNull(actor), upper(action), from, to, pageSize, afterAt, afterId);
    }

    private static String upper(String value) {
        String clean = blankToNull(value);
        return clean == null ? null : clean.toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
