package com.realsim.export;

import com.realsim.card.CardState;
import com.realsim.catalogue.Operator;
import com.realsim.order.OrderStatus;
import com.realsim.order.OrderType;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The filter of an export, checked against what its kind takes: the card list's state, operator and enterprise; the
 * order list's status, type and enterprise; the audit trail's action and target type; the operator report's operator
 * and period (required, at most {@value #MAX_REPORT_DAYS} days). A key the kind does not take or a value out of its
 * range is refused naming the field ({@code filter.<key>}).
 */
record ExportFilter(Map<String, String> values) {

    static final int MAX_REPORT_DAYS = 366;

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,99}");
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

    ExportFilter {
        values = Map.copyOf(values);
    }

    String get(String key) {
        return values.get(key);
    }

    Long id(String key) {
        String value = values.get(key);
        return value == null ? null : Long.valueOf(value);
    }

    LocalDate date(String key) {
        String value = values.get(key);
        return value == null ? null : LocalDate.parse(value);
    }

    static ExportFilter check(ExportKind kind, Map<String, ?> given) {
        Map<String, String> clean = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, ?> input = given == null ? Map.of() : given;
        for (Map.Entry<String, ?> entry : input.entrySet()) {
            String key = entry.getKey();
            String value =
                    entry.getValue() == null ? "" : entry.getValue().toString().strip();
            if (value.isEmpty()) {
                continue;
            }
            if (!takes(kind, key)) {
                problems.add(new FieldProblem("filter." + key, ErrorCode.VALIDATION_FAILED, "export.filter.unknown"));
            } else if (!valid(key, value)) {
                problems.add(new FieldProblem("filter." + key, ErrorCode.VALIDATION_FAILED, "validation.invalid"));
            } else {
                clean.put(key, value);
            }
        }
        if (kind == ExportKind.OPERATOR_REPORT && problems.isEmpty()) {
            for (String required : List.of("operator", "from", "to")) {
                if (!clean.containsKey(required)) {
                    problems.add(
                            new FieldProblem("filter." + required, ErrorCode.VALIDATION_FAILED, "validation.required"));
                }
            }
            if (problems.isEmpty()) {
                LocalDate from = LocalDate.parse(clean.get("from"));
                LocalDate to = LocalDate.parse(clean.get("to"));
                if (to.isBefore(from) || from.plusDays(MAX_REPORT_DAYS).isBefore(to)) {
                    problems.add(new FieldProblem(
                            "filter.to", ErrorCode.VALIDATION_FAILED, "export.period.invalid", MAX_REPORT_DAYS));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new ExportFilter(clean);
    }

    private static boolean takes(ExportKind kind, String key) {
        return kind.filterKeys().contains(key);
    }

    private static boolean valid(String key, String value) {
        return switch (key) {
            case "state" -> names(CardState.values()).contains(value);
            case "operator" -> names(Operator.values()).contains(value);
            case "status" -> names(OrderStatus.values()).contains(value);
            case "type" -> names(OrderType.values()).contains(value);
            case "enterpriseId" -> ID.matcher(value).matches();
            case "action", "targetType" -> CODE.matcher(value).matches();
            case "from", "to" -> isDate(value);
            default -> false;
        };
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
