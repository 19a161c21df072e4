package com.realsim.card.bulk;

import com.realsim.platform.error.ErrorCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A line's outcome in the reader's words: "Done", "Not found", "Still suspended: blocked by Real-name incomplete" …
 * — the page, the results CSV and the API's {@code message} all say it the same way; codes never reach a person.
 */
@Component
@RequiredArgsConstructor
public class BulkOutcomes {

    /** Codes with a sentence of their own ({@code card.bulk.outcome.<code>}); others say their error code's label. */
    static final Set<String> OWN = Set.of(
            "DONE",
            "NOT_FOUND",
            "ALREADY_ACTIVE",
            "ALREADY_SUSPENDED",
            "NOT_SUSPENDED",
            "BLOCKED",
            "REAL_NAME_INCOMPLETE",
            "ILLEGAL_STATE_TRANSITION",
            "INVALID_ICCID",
            "DUPLICATE_LINE",
            "FORBIDDEN");

    private final MessageSource messages;

    public String message(BulkItem item, Locale locale) {
        if (item.outcome() == null) {
            return messages.getMessage("card.bulk.outcome.PENDING", null, locale);
        }
        String code = "DONE".equals(item.outcome()) ? "DONE" : item.code();
        if (!OWN.contains(code)) {
            String key = Arrays.stream(ErrorCode.values())
                    .filter(c -> c.name().equals(code))
                    .findFirst()
                    .map(ErrorCode::messageKey)
                    .orElse("card.bulk.outcome.REFUSED");
            return messages.getMessage(
                    key, null, messages.getMessage("card.bulk.outcome.REFUSED", null, locale), locale);
        }
        return messages.getMessage(
                "card.bulk.outcome." + code, new Object[] {detail(code, item.detail(), locale)}, locale);
    }

    /** The outcome's label alone: done, refused, or waiting. */
    public String outcome(BulkItem item, Locale locale) {
        return messages.getMessage(
                "card.bulk.result." + (item.outcome() == null ? "PENDING" : item.outcome()), null, locale);
    }

    private String detail(String code, String detail, Locale locale) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        String prefix = switch (code) {
            case "BLOCKED" -> "card.reason.";
            case "REAL_NAME_INCOMPLETE" -> "card.gap.";
            case "ILLEGAL_STATE_TRANSITION" -> "card.state.";
            default -> null;
        };
        if (prefix == null) {
            return detail;
        }
        return Arrays.stream(detail.split(","))
                .map(part -> messages.getMessage(prefix + part, null, part, locale))
                .collect(Collectors.joining(code.equals("REAL_NAME_INCOMPLETE") ? " " : ", "));
    }
}
