package com.realsim.card.inventory;

import com.realsim.card.Iccid;
import com.realsim.catalogue.Operator;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Inventory files built to break the import, with what must come out of each: a header (the five columns in any
 * order and case, maybe quoted, among extra columns), then lines of every {@link Kind} — good ones, good ones written
 * unusually (quoted, spaced, a trailing comma), bad values, broken quoting, NUL and control characters inside values,
 * full-width digits, random text and random bytes, a quoted line break, tabs, garbage — each ended by LF, CR LF or CR
 * at random, in UTF-8 (with or without a byte order mark), UTF-16 LE/BE (with one) or GB18030. {@link File#lines()}
 * lists every line with content after the header: its number, and its five values if it is good.
 */
final class HostileInventory {

    enum Encoding {
        UTF_8,
        UTF_8_BOM,
        UTF_16LE_BOM,
        UTF_16BE_BOM,
        GB18030
    }

    enum Kind {
        GOOD,
        GOOD_QUOTED,
        GOOD_SPACED,
        GOOD_TRAILING_COMMA,
        BLANK,
        WHITESPACE,
        BAD_LUHN,
        BAD_NUMBER,
        BAD_IMSI,
        BAD_OPERATOR,
        BAD_PLAN,
        FEW_COLUMNS,
        RANDOM_TEXT,
        RANDOM_BYTES,
        UNCLOSED_QUOTE,
        TEXT_AFTER_QUOTE,
        NUL_INSIDE,
        CONTROL_INSIDE,
        FULL_WIDTH,
        LINE_BREAK_IN_QUOTES,
        BYTE_ORDER_MARK_INSIDE,
        TABS,
        LONG_GARBAGE
    }

    /** A line with content after the header: its number in the file and, for a good one, its five values. */
    record Line(long number, List<String> values) {

        boolean good() {
            return values != null;
        }
    }

    record File(byte[] bytes, List<Line> lines, Encoding encoding) {

        long goodLines() {
            return lines.stream().filter(Line::good).count();
        }
    }

    static final List<String> PLANS = List.of("METER-30M", "CAR-1G");

    private final Random random;
    private final Encoding encoding;
    private final Supplier<List<String>> goodValues;
    private final List<Integer> positions = new ArrayList<>();
    private int width;

    /**
     * @param goodValues fresh good values in the order of {@link CardImporter#COLUMNS}, with a plan of
     *     {@link #PLANS} (or one the importing database knows)
     */
    HostileInventory(long seed, Encoding encoding, Supplier<List<String>> goodValues) {
        this.random = new Random(seed);
        this.encoding = encoding;
        this.goodValues = goodValues;
    }

    /** Good values made up here, unique within a file for all practical purposes. */
    static Supplier<List<String>> madeUpValues(Random random) {
        return () -> {
            String body = "8986" + digits(random, 14 + random.nextInt(2));
            String iccid = body + luhnCheck(body);
            String msisdn = random.nextBoolean() ? "1" + digits(random, 10) : "1" + digits(random, 12);
            String imsi = "460" + digits(random, 12);
            Operator operator = Operator.values()[random.nextInt(Operator.values().length)];
            return List.of(iccid, msisdn, imsi, operator.name(), PLANS.get(random.nextInt(PLANS.size())));
        };
    }

    File render(List<Kind> kinds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Line> lines = new ArrayList<>();
        if (encoding == Encoding.UTF_8_BOM) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        } else if (encoding == Encoding.UTF_16LE_BOM) {
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        } else if (encoding == Encoding.UTF_16BE_BOM) {
            out.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF});
        }
        long number = 0;
        String previousEnd = "\n";
        for (int i = random.nextInt(3) == 0 ? random.nextInt(3) : 0; i > 0; i--) {
            previousEnd = write(out, "", previousEnd); // blank lines before the header
            number++;
        }
        previousEnd = write(out, header(), previousEnd);
        number++;
        for (int k = 0; k < kinds.size(); k++) {
            List<Physical> physicals = physicalLines(kinds.get(k));
            for (int p = 0; p < physicals.size(); p++) {
                Physical physical = physicals.get(p);
                boolean last = k == kinds.size() - 1 && p == physicals.size() - 1;
                number++;
                byte[] bytes = physical.bytes != null ? physical.bytes : encode(physical.text);
                if (!blankAsRead(bytes)) {
                    lines.add(new Line(number, physical.values));
                }
                out.writeBytes(bytes);
                previousEnd = end(out, bytes.length == 0, previousEnd, last && random.nextInt(4) == 0);
            }
        }
        return new File(out.toByteArray(), lines, encoding);
    }

    private record Physical(String text, byte[] bytes, List<String> values) {}

    private String header() {
        width = 5 + (random.nextInt(3) == 0 ? random.nextInt(4) : 0);
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            slots.add(i);
        }
        Collections.shuffle(slots, random);
        positions.clear();
        positions.addAll(slots.subList(0, 5));
        String[] names = new String[width];
        for (int i = 0; i < width; i++) {
            names[i] = "extra" + i;
        }
        for (int i = 0; i < 5; i++) {
            String name = CardImporter.COLUMNS.get(i);
            name = switch (random.nextInt(4)) {
                case 0 -> name.toUpperCase(Locale.ROOT);
                case 1 -> name.toLowerCase(Locale.ROOT);
                case 2 -> "\"" + name + "\"";
                default -> " " + name + " ";
            };
            names[positions.get(i)] = name;
        }
        return String.join(",", names);
    }

    private List<Physical> physicalLines(Kind kind) {
        List<String> values = goodValues.get();
        return switch (kind) {
            case GOOD -> good(join(values, ""), values);
            case GOOD_QUOTED -> good(join(values, "\""), values);
            case GOOD_SPACED ->
                good(join(values.stream().map(v -> "  " + v + " ").toList(), ""), values);
            case GOOD_TRAILING_COMMA -> good(join(values, "") + ",", values);
            case BLANK -> bad("");
            case WHITESPACE -> bad(" \t\u3000 ");
            case BAD_LUHN -> bad(join(with(values, 0, flipLast(values.get(0))), ""));
            case BAD_NUMBER -> bad(join(with(values, 1, "2" + values.get(1).substring(1)), ""));
            case BAD_IMSI -> bad(join(with(values, 2, "310" + values.get(2).substring(3)), ""));
            case BAD_OPERATOR -> bad(join(with(values, 3, values.get(3).toLowerCase(Locale.ROOT)), ""));
            case BAD_PLAN -> bad(join(with(values, 4, "NO-SUCH-PLAN-" + random.nextInt(1000)), ""));
            case FEW_COLUMNS -> bad(values.get(0) + "," + values.get(1));
            case RANDOM_TEXT -> bad(randomText(random.nextInt(200)));
            case RANDOM_BYTES ->
                encoding == Encoding.UTF_8 || encoding == Encoding.UTF_8_BOM
                        ? List.of(new Physical(null, randomBytes(1 + random.nextInt(200)), null))
                        : bad(randomText(1 + random.nextInt(200)));
            case UNCLOSED_QUOTE -> bad(join(with(values, 1, "\"" + values.get(1)), ""));
            case TEXT_AFTER_QUOTE -> bad(join(with(values, 0, "\"" + values.get(0) + "\"x"), ""));
            case NUL_INSIDE -> bad(join(with(values, 0, inside(values.get(0), "\u0000")), ""));
            case CONTROL_INSIDE -> {
                int column = random.nextInt(3);
                yield bad(join(with(values, column, inside(values.get(column), "\u0007")), ""));
            }
            case FULL_WIDTH -> bad(join(with(values, 0, fullWidth(values.get(0))), ""));
            case LINE_BREAK_IN_QUOTES -> {
                String joined = join(with(values, 0, "\"" + values.get(0)), "");
                int cut = 1 + random.nextInt(10);
                yield List.of(
                        new Physical(joined.substring(0, cut), null, null),
                        new Physical(joined.substring(cut).replaceFirst(",", "\","), null, null));
            }
            case BYTE_ORDER_MARK_INSIDE -> bad(join(with(values, 0, "\uFEFF" + values.get(0)), ""));
            case TABS -> bad(join(values, "").replace(',', '\t'));
            case LONG_GARBAGE -> bad(randomText(500 + random.nextInt(3_500)));
        };
    }

    private static List<Physical> good(String text, List<String> values) {
        return List.of(new Physical(text, null, values));
    }

    private static List<Physical> bad(String text) {
        return List.of(new Physical(text, null, null));
    }

    /** The values at their header positions, the extra columns filled with something harmless. */
    private String join(List<String> values, String quote) {
        String[] fields = new String[width];
        for (int i = 0; i < width; i++) {
            fields[i] = "x" + random.nextInt(100);
        }
        for (int i = 0; i < 5; i++) {
            fields[positions.get(i)] = values.get(i);
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < width; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote).append(fields[i]).append(quote);
        }
        return line.toString();
    }

    private static List<String> with(List<String> values, int index, String value) {
        List<String> changed = new ArrayList<>(values);
        changed.set(index, value);
        return changed;
    }

    private String inside(String value, String what) {
        int at = 1 + random.nextInt(value.length() - 1);
        return value.substring(0, at) + what + value.substring(at);
    }

    private static String flipLast(String iccid) {
        char last = iccid.charAt(iccid.length() - 1);
        return iccid.substring(0, iccid.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    private static String fullWidth(String text) {
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(c -> wide.append((char) (c + 0xFEE0)));
        return wide.toString();
    }

    /** Any characters but CR and LF, biased towards the ones CSV cares about. */
    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        String csv = ",\"\" ,\t\u0000\u00A0\u3000\uFEFF\\";
        while (text.length() < length) {
            char c = random.nextInt(3) == 0
                    ? csv.charAt(random.nextInt(csv.length()))
                    : (char) random.nextInt(random.nextBoolean() ? 0x80 : 0x10000);
            if (c != '\n' && c != '\r') {
                text.append(c);
            }
        }
        return text.toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            byte b;
            do {
                b = (byte) random.nextInt(256);
            } while (b == '\n' || b == '\r');
            bytes[i] = b;
        }
        return bytes;
    }

    private String write(ByteArrayOutputStream out, String text, String previousEnd) {
        byte[] bytes = encode(text);
        out.writeBytes(bytes);
        return end(out, bytes.length == 0, previousEnd, false);
    }

    /**
     * Ends a line with LF, CR LF or CR (or nothing, at the end of the file). An empty line after a CR never ends
     * with a lone LF, which would join the CR into one CR LF and make the line vanish.
     */
    private String end(ByteArrayOutputStream out, boolean empty, String previousEnd, boolean none) {
        if (none && !empty) {
            return "";
        }
        String end = List.of("\n", "\r\n", "\r").get(random.nextInt(3));
        if (empty && previousEnd.equals("\r") && end.equals("\n")) {
            end = "\r\n";
        }
        out.writeBytes(encode(end));
        return end;
    }

    private byte[] encode(String text) {
        return switch (encoding) {
            case UTF_8, UTF_8_BOM -> text.getBytes(StandardCharsets.UTF_8);
            case UTF_16LE_BOM -> text.getBytes(StandardCharsets.UTF_16LE);
            case UTF_16BE_BOM -> text.getBytes(StandardCharsets.UTF_16BE);
            case GB18030 -> text.getBytes(Charset.forName("GB18030"));
        };
    }

    /** Whether a line is blank as the import reads it (its bytes decoded as the file's encoding is read). */
    private boolean blankAsRead(byte[] bytes) {
        Charset charset = switch (encoding) {
            case UTF_16LE_BOM -> StandardCharsets.UTF_16LE;
            case UTF_16BE_BOM -> StandardCharsets.UTF_16BE;
            default -> StandardCharsets.UTF_8;
        };
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
        return CharBuffer.wrap(text).chars().allMatch(Character::isWhitespace);
    }

    static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    static char luhnCheck(String body) {
        for (char check = '0'; check <= '9'; check++) {
            if (Iccid.isValid(body + check)) {
                return check;
            }
        }
        throw new IllegalStateException(body);
    }
}
