package com.realsim.card.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.realsim.card.Iccid;
import com.realsim.card.Msisdn;
import com.realsim.catalogue.Operator;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.catalogue.ServicePlanSummary;
import com.realsim.platform.error.ValidationException;
import com.realsim.testsupport.GeneratedInputs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.ResourceBundle;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Hostile inventory files against the import's reading and judging layer ({@link InventoryFile} and the COPY rows
 * written from it), without a database: generated files of every kind of line, encoding, byte order mark and line end
 * ({@link HostileInventory}), files with megabyte lines and 100,000 columns, and random bytes. For every file, every
 * good line comes out good with exactly its values and line number, every other line with content comes out rejected
 * with its code and a written message, nothing else is thrown, and each row is valid COPY text without NUL. The
 * same files go through the real import into PostgreSQL in {@code CardImportHostileFilesTest}. Counts are printed and
 * kept in {@code target/reliability/inventory-files.txt}.
 */
class InventoryFileHostileInputTest {

    static final GeneratedInputs inputs = new GeneratedInputs("inventory-files");
    static final Map<String, ServicePlanSummary> PLANS = Map.of(
            HostileInventory.PLANS.get(0), plan(1, HostileInventory.PLANS.get(0), false),
            HostileInventory.PLANS.get(1), plan(2, HostileInventory.PLANS.get(1), true));

    static ServicePlanSummary plan(long id, String code, boolean imeiBinding) {
        return new ServicePlanSummary(
                id, code, code, true, ServiceDirection.NONE, ServiceDirection.NONE, false, imeiBinding, Instant.EPOCH);
    }

    static final Set<String> CODES = Set.of("INVALID_ICCID", "VALIDATION_FAILED");
    static final List<ResourceBundle> BUNDLES = List.of(
            ResourceBundle.getBundle("i18n/card", Locale.ROOT),
            ResourceBundle.getBundle("i18n/card", Locale.CHINESE),
            ResourceBundle.getBundle("i18n/platform", Locale.ROOT),
            ResourceBundle.getBundle("i18n/platform", Locale.CHINESE));

    @AfterContainer
    static void report() {
        inputs.report();
    }

    @Property(tries = 8_000)
    void everyGoodLineIsKeptAndEveryOtherLineIsRejectedWithItsCode(
            @ForAll @Size(max = 60) List<HostileInventory.Kind> kinds,
            @ForAll HostileInventory.Encoding encoding,
            @ForAll long seed)
            throws IOException {
        HostileInventory.File file =
                new HostileInventory(seed, encoding, HostileInventory.madeUpValues(new Random(seed))).render(kinds);
        List<InventoryFile.Row> rows = read(new ByteArrayInputStream(file.bytes()));
        inputs.count("generated files (kinds of lines, encodings, line ends)");
        inputs.count("lines of generated files", rows.size());

        assertThat(rows)
                .extracting(InventoryFile.Row::line)
                .containsExactlyElementsOf(
                        file.lines().stream().map(HostileInventory.Line::number).toList());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            InventoryFile.Row row = rows.get(i);
            HostileInventory.Line expected = file.lines().get(i);
            if (expected.good() ? !expected.values().equals(row.values()) : row.good()) {
                problems.add("line " + row.line() + ": expected " + expected.values() + ", read " + row.values());
            }
            problems(row).forEach(p -> problems.add("line " + row.line() + ": " + p));
        }
        assertThat(problems).isEmpty();
    }

    @Property(tries = 50)
    void megabyteLinesAndOneHundredThousandColumnsAreJudgedLikeAnyOther(@ForAll long seed, @ForAll("widths") int width)
            throws IOException {
        Random random = new Random(seed);
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            positions.add(i);
        }
        Collections.shuffle(positions, random);
        String[] header = new String[width];
        java.util.Arrays.fill(header, "");
        for (int i = 0; i < 5; i++) {
            header[positions.get(i)] = CardImporter.COLUMNS.get(i);
        }
        StringBuilder text = new StringBuilder(String.join(",", header)).append("\r\n");
        var values = HostileInventory.madeUpValues(random);
        List<Long> good = new ArrayList<>();
        List<Long> bad = new ArrayList<>();
        List<List<String>> goodValues = new ArrayList<>();
        long line = 1;
        for (int k = 0; k < 6; k++) {
            line++;
            switch (random.nextInt(4)) {
                case 0 -> { // a good line as wide as the header
                    List<String> v = values.get();
                    String[] fields = new String[width];
                    java.util.Arrays.fill(fields, "");
                    for (int i = 0; i < 5; i++) {
                        fields[positions.get(i)] = v.get(i);
                    }
                    text.append(String.join(",", fields));
                    good.add(line);
                    goodValues.add(v);
                }
                case 1 -> { // garbage just under the limit
                    text.append("x,\"".repeat((InventoryFile.MAX_LINE_CHARS - 10) / 3));
                    bad.add(line);
                }
                case 2 -> { // one character over the limit, never held
                    text.append("8".repeat(InventoryFile.MAX_LINE_CHARS + 1));
                    bad.add(line);
                }
                default -> { // a million characters of digits and commas
                    text.append("1234567,".repeat(125_000));
                    bad.add(line);
                }
            }
            text.append(random.nextBoolean() ? "\n" : "\r");
        }
        List<InventoryFile.Row> rows =
                read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
        inputs.count("files with 1 MB lines and up to 100,000 columns");
        inputs.count("lines of files with 1 MB lines and up to 100,000 columns", rows.size());

        assertThat(rows.stream().filter(InventoryFile.Row::good).map(InventoryFile.Row::line))
                .containsExactlyElementsOf(good);
        assertThat(rows.stream().filter(InventoryFile.Row::good).map(InventoryFile.Row::values))
                .containsExactlyElementsOf(goodValues);
        assertThat(rows.stream().filter(r -> !r.good()).map(InventoryFile.Row::line))
                .containsExactlyElementsOf(bad);
        rows.forEach(InventoryFileHostileInputTest::assertJudged);
    }

    @Property(tries = 30_000)
    void anyBytesAreReadLineByLineOrRefusedForWantingAHeader(
            @ForAll long seed, @ForAll("alphabets") byte[] alphabet, @ForAll boolean afterAHeader) throws IOException {
        inputs.count("random byte files");
        Random random = new Random(seed);
        byte[] bytes = new byte[random.nextInt(400)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = alphabet.length == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
        }
        InputStream input = new ByteArrayInputStream(bytes);
        if (afterAHeader) {
            input = new SequenceInputStream(
                    new ByteArrayInputStream(
                            "planCode,operator,imsi,msisdn,iccid\r\n".getBytes(StandardCharsets.UTF_8)),
                    input);
        }
        InputStream file = input;
        List<InventoryFile.Row> rows = new ArrayList<>();
        Throwable thrown = catchThrowable(() -> rows.addAll(read(file)));
        if (thrown != null) {
            assertThat(thrown)
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.fieldProblems())
                                    .singleElement()
                                    .satisfies(p -> assertThat(p.messageKey()).isEqualTo("card.import.header")));
            assertThat(afterAHeader).isFalse();
            return;
        }
        long breaks = 0;
        for (byte b : bytes) {
            breaks += b == '\n' || b == '\r' ? 1 : 0;
        }
        assertThat((long) rows.size()).isLessThanOrEqualTo(breaks + 1);
        rows.forEach(InventoryFileHostileInputTest::assertJudged);
    }

    @Property(tries = 100_000)
    void aLineWithoutQuotesIsSplitAsCommonsCsvParsesIt(@ForAll("unquotedLines") String line) {
        inputs.count("lines without quotes, split and parsed (differential)");
        assertThat(InventoryFile.fields(line)).isEqualTo(InventoryFile.parsed(line));
    }

    /** Every row is good with valid values, or rejected with a known code and a written message; and COPY text. */
    static void assertJudged(InventoryFile.Row row) {
        assertThat(problems(row)).as("line %d", row.line()).isEmpty();
    }

    /** What is wrong with a row (checked without an assertion per value: a file has thousands of rows). */
    static List<String> problems(InventoryFile.Row row) {
        List<String> problems = new ArrayList<>();
        if (row.good()) {
            List<String> v = row.values();
            if (v.size() != 5
                    || !Iccid.isValid(v.get(0))
                    || !Msisdn.isValid(v.get(1))
                    || !Imsi.isValid(v.get(2))
                    || java.util.Arrays.stream(Operator.values())
                            .noneMatch(o -> o.name().equals(v.get(3)))
                    || row.plan() == null
                    || !row.plan().equals(PLANS.get(v.get(4)))
                    || row.raw() != null) {
                problems.add("good with values " + v + ", plan " + row.plan() + ", raw " + row.raw());
            }
        } else {
            String key = row.verdict().messageKey();
            if (row.values() != null
                    || !CODES.contains(row.verdict().code())
                    || BUNDLES.stream().filter(b -> b.containsKey(key)).count() != 2
                    || row.raw() == null
                    || row.raw().length() > InventoryFile.MAX_RAW_CHARS + 1) {
                problems.add("rejected as " + row.verdict() + " with values " + row.values() + " and "
                        + (row.raw() == null ? "no raw" : row.raw().length() + " characters of raw"));
            }
        }
        String copy = copyTextProblem(row);
        if (copy != null) {
            problems.add(copy);
        }
        return problems;
    }

    /** The row as COPY receives it: one line of 15 tab-separated fields, valid escapes, no NUL byte. */
    static String copyTextProblem(InventoryFile.Row row) {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try {
            new CardImporter.CopyRow().write(copy, row);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] bytes = copy.toByteArray();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return "a NUL byte in COPY text at " + i;
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\n') != text.length() - 1 || text.indexOf('\r') >= 0) {
            return "not one line of COPY text";
        }
        String[] fields = text.substring(0, text.length() - 1).split("\t", -1);
        if (fields.length != 15 || !fields[0].equals(Long.toString(row.line()))) {
            return fields.length + " fields of COPY text, the first " + fields[0];
        }
        for (String field : fields) {
            if (!isCopyField(field)) {
                return "not a COPY field: " + field;
            }
        }
        return null;
    }

    /** COPY's text format: {@code \\N}, or no tab, line end or NUL, and a backslash only before t, n, r or itself. */
    static boolean isCopyField(String field) {
        if (field.equals("\\N")) {
            return true;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || c == 0) {
                return false;
            }
            if (c == '\\' && (++i == field.length() || "\\tnr".indexOf(field.charAt(i)) < 0)) {
                return false;
            }
        }
        return true;
    }

    static List<InventoryFile.Row> read(InputStream input) throws IOException {
        InventoryFile file = InventoryFile.open(input, PLANS);
        List<InventoryFile.Row> rows = new ArrayList<>();
        for (InventoryFile.Row row = file.next(); row != null; row = file.next()) {
            rows.add(row);
        }
        return rows;
    }

    @Provide
    Arbitrary<Integer> widths() {
        return Arbitraries.of(5, 6, 1_000, 100_000);
    }

    @Provide
    Arbitrary<String> unquotedLines() {
        return Arbitraries.strings()
                .withChars(",,,, \t\u0000\u0001\u001F\u007F\u00A0\u2028\u3000\uFEFF89x\\'".toCharArray())
                .ofMinLength(1)
                .ofMaxLength(40)
                .filter(line -> !line.isBlank());
    }

    /** The bytes random files are made of: any (empty), or a few that matter to CSV, encodings and line ends. */
    @Provide
    Arbitrary<byte[]> alphabets() {
        return Arbitraries.of(
                new byte[0],
                new byte[] {
                    '\r', '\n', '"', ',', '8', 0, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xFE, (byte) 0xFF
                },
                new byte[] {'\r', '\n', '"', ',', ' ', '\t', 'x'},
                new byte[] {0, 1, 0x1F, 0x7F, (byte) 0x80, (byte) 0xC0, (byte) 0xFF, '\n'});
    }
}
