package com.realsim.audit.web;

import com.realsim.audit.AuditEntry;
import com.realsim.platform.web.PageTimes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Audit entries as a person reads them. The trail keeps codes (stable, language-neutral, hashed into the chain); the
 * page shows each detail under its name ({@code audit.detail.<key>}, resolved by the template) and its value in
 * words: a code by the label of the family its detail names ({@link #VALUE_LABELS}, first the audit bundle's own
 * {@code audit.value.<key>.<CODE>}), yes/no for booleans, an instant in the pages' time zone. Free text, numbers and
 * masked values stay as they are.
 */
@Component
@RequiredArgsConstructor
class ReadableEntries {

    /** For the details that carry codes: the label families their codes belong to, tried in order. */
    static final Map<String, List<String>> VALUE_LABELS = Map.ofEntries(
            Map.entry("role", List.of("role.")),
            Map.entry("type", List.of("order.type.")),
            Map.entry(
                    "kind",
                    List.of(
                            "enterprise.change.kind.",
                            "enterprise.document.",
                            "order.document.",
                            "approval.kind.",
                            "verification.kind.",
                            "card.endUser.photo.",
                            "approval.document.")),
            Map.entry("state", List.of("card.state.")),
            Map.entry("from", List.of("card.state.")),
            Map.entry("to", List.of("card.state.")),
            Map.entry("voice", List.of("catalogue.direction.")),
            Map.entry("sms", List.of("catalogue.direction.")),
            Map.entry("voiceSms", List.of("catalogue.direction.")),
            Map.entry("exceptionKind", List.of("catalogue.exception.")),
            Map.entry("idType", List.of("identity.idType.")),
            Map.entry("reason", List.of("card.reason.")),
            Map.entry("requirement", List.of("card.requirement.")),
            Map.entry("code", List.of("card.requirement.", "error.")),
            Map.entry("ownerType", List.of("audit.target.")),
            Map.entry("method", List.of("verification.method.")),
            Map.entry("concerns", List.of("verification.concern.")),
            Map.entry("operator", List.of("catalogue.operator.")),
            Map.entry("fromStatus", List.of("account.agent.status.")),
            Map.entry("toStatus", List.of("account.agent.status.")),
            Map.entry("barredType", List.of("identity.bar.subject.")),
            Map.entry("rule", List.of("risk.rule.")),
            Map.entry("bulkAction", List.of("card.bulk.action.")),
            Map.entry("waitingFor", List.of("verification.document.")));

    /** Target types whose ids are codes with labels. */
    static final Map<String, String> TARGET_ID_LABELS = Map.of("OPERATOR", "catalogue.operator.");

    /** The prefix of a detail that holds a value before the change ({@code before.priority}). */
    static final String BEFORE = "before.";

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    static final Pattern CODES = Pattern.compile(CODE.pattern() + "(," + CODE.pattern() + ")*");
    static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*Z");

    /** One entry: its details in words, its target id in words where the id is a code. */
    record Row(AuditEntry entry, String targetId, List<Detail> details) {}

    /**
     * One detail: the key whose label names it ({@code audit.detail.<key>}), its value in words, and whether it is the
     * value before a change (kept under {@code before.<key>}).
     */
    record Detail(String key, boolean before, String value) {}

    private final MessageSource messages;
    private final PageTimes times;

    List<Row> rows(List<AuditEntry> entries) {
        Locale locale = LocaleContextHolder.getLocale();
        return entries.stream().map(entry -> row(entry, locale)).toList();
    }

    private Row row(AuditEntry entry, Locale locale) {
        List<Detail> details = new ArrayList<>();
        entry.readableDetails().forEach((key, value) -> {
            boolean before = key.startsWith(BEFORE);
            String name = before ? key.substring(BEFORE.length()) : key;
            details.add(new Detail(name, before, value(name, value, locale)));
        });
        String prefix = TARGET_ID_LABELS.get(entry.targetType());
        String targetId = prefix == null || entry.targetId() == null
                ? entry.targetId()
                : label(List.of(prefix), entry.targetId(), locale);
        return new Row(entry, targetId, details);
    }

    String value(String key, String value, Locale locale) {
        if (value == null || value.isEmpty()) {
            return "—";
        }
        if (value.equals("true") || value.equals("false")) {
            return messages.getMessage("audit.value." + value, null, value, locale);
        }
        if (INSTANT.matcher(value).matches()) {
            try {
                return times.format(Instant.parse(value), "yyyy-MM-dd HH:mm:ss");
            } catch (DateTimeParseException notAnInstant) {
                return value;
            }
        }
        List<String> families = new ArrayList<>();
        families.add("audit.value." + key + ".");
        families.addAll(VALUE_LABELS.getOrDefault(key, List.of()));
        if (key.equals("subject")) {
            int space = value.indexOf(' ');
            String type = space < 0 ? value : value.substring(0, space);
            return label(List.of("verification.subjectType.", "audit.target."), type, locale)
                    + (space < 0 ? "" : value.substring(space));
        }
        if (CODES.matcher(value).matches()) {
            return Arrays.stream(value.split(","))
                    .map(code -> label(families, code, locale))
                    .collect(Collectors.joining(messages.getMessage("audit.value.separator", null, ", ", locale)));
        }
        String own = messages.getMessage("audit.value." + key + "." + value, null, null, locale);
        return own == null ? value : own;
    }

    private String label(List<String> families, String code, Locale locale) {
        for (String family : families) {
            String label = messages.getMessage(family + code, null, null, locale);
            if (label != null) {
                return label;
            }
        }
        return code;
    }
}
