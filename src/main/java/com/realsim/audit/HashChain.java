package com.realsim.audit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The links of the audit chain. Since the chain is keyed ({@link ChainKey}), an entry's link is {@code
 * hex(HMAC-SHA256(key, prevHash || keyedCanonical))}; entries recorded before the switch keep their plain link {@code
 * hex(SHA-256(prevHash || canonical))}. {@code prevHash} is the previous entry's link as 64 lower-case hex characters
 * (64 zeros before the first entry), and the canonical form is the entry as compact JSON in UTF-8:
 *
 * <ul>
 *   <li>an object with exactly the keys action, actor, agentId, at, details, enterpriseId, id, outcome, role,
 *       targetId, targetType, and for keyed entries also occurredAt; missing values are {@code null};
 *   <li>object keys sorted by their UTF-16 code units (Java's {@code String} order), at every depth; no whitespace;
 *   <li>{@code at} and {@code occurredAt} as {@code yyyy-MM-ddTHH:mm:ss.ffffffZ} in UTC, always six fraction digits
 *       (PostgreSQL keeps microseconds, so moments are truncated to them before they are hashed or stored);
 *   <li>numbers in plain decimal notation without exponent and without trailing fraction zeros ({@code 5.0} is
 *       {@code 5}); strings with only {@code "}, {@code \} and control characters escaped.
 * </ul>
 *
 * The same canonical form is rebuilt from the stored columns when the chain is verified, so any change to a stored
 * value, and any entry removed or inserted between two others, breaks the chain at that point.
 */
final class HashChain {

    static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final char REPLACEMENT = '\uFFFD';

    private HashChain() {}

    /** The plain link of an entry recorded before the chain was keyed. */
    static String hash(String prevHash, AuditEntry entry) {
        return HEX.formatHex(sha256().digest(linked(prevHash, canonical(entry))));
    }

    /** What a link covers: the previous link's ASCII characters, then the canonical form's UTF-8 bytes. */
    static byte[] linked(String prevHash, String canonical) {
        byte[] prev = prevHash.getBytes(StandardCharsets.US_ASCII);
        byte[] form = canonical.getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[prev.length + form.length];
        System.arraycopy(prev, 0, both, 0, prev.length);
        System.arraycopy(form, 0, both, prev.length, form.length);
        return both;
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    /** The canonical form of an entry recorded before the chain was keyed. */
    static String canonical(AuditEntry entry) {
        return json(fields(entry));
    }

    /** The canonical form of a keyed entry: the plain form's keys and {@code occurredAt}. */
    static String keyedCanonical(AuditEntry entry) {
        Map<String, Object> fields = fields(entry);
        fields.put("occurredAt", entry.occurredAt() == null ? null : formatInstant(entry.occurredAt()));
        return json(fields);
    }

    private static Map<String, Object> fields(AuditEntry entry) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("action", entry.action());
        fields.put("actor", entry.actor());
        fields.put("agentId", entry.agentId());
        fields.put("at", formatInstant(entry.at()));
        fields.put("details", entry.details());
        fields.put("enterpriseId", entry.enterpriseId());
        fields.put("id", entry.id());
        fields.put("outcome", entry.outcome());
        fields.put("role", entry.role() == null ? null : entry.role().name());
        fields.put("targetId", entry.targetId());
        fields.put("targetType", entry.targetType());
        return fields;
    }

    static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static String formatInstant(Instant at) {
        return AT.format(truncate(at));
    }

    /** A JSON value (maps, lists, strings, numbers, booleans, null) in canonical form. */
    static String json(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    /**
     * The value with every string made storable as PostgreSQL text and jsonb exactly as hashed: NUL characters and
     * unpaired surrogates become U+FFFD.
     */
    static Object storable(Object value) {
        if (value instanceof String s) {
            return storable(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(storable(String.valueOf(k)), storable(v)));
            return copy;
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(storable(v)));
            return copy;
        }
        return value;
    }

    static String storable(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad;
            if (c == '\u0000') {
                bad = true;
            } else if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
            } else if (Character.isLowSurrogate(c)) {
                bad = i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
            } else {
                bad = false;
            }
            if (bad && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(bad ? REPLACEMENT : c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Number n) {
            number(n, out);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> member : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(member.getKey(), out);
                out.append(':');
                write(member.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object element : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(element, out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException(
                    "Not a JSON value: " + value.getClass().getName());
        }
    }

    private static void number(Number n, StringBuilder out) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            out.append(n.longValue());
        } else if (n instanceof BigInteger big) {
            out.append(big);
        } else if ((n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue())) {
            string(n.toString(), out); // JSON has no NaN or Infinity; Jackson writes them as strings too
        } else {
            BigDecimal decimal = n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
            out.append(decimal.stripTrailingZeros().toPlainString());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
