package com.realsim.card.inventory;

import com.realsim.card.Eid;
import com.realsim.card.FormFactor;
import com.realsim.card.Iccid;
import com.realsim.card.Msisdn;
import com.realsim.catalogue.Operator;
import com.realsim.catalogue.ServicePlanSummary;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An inventory file as the import reads it: a stream of lines (ended by LF, CR or CR LF), each parsed as CSV and
 * judged on its own, so that one bad line — broken quoting, a NUL, a megabyte of garbage — rejects that line alone and
 * every good line of the file is kept. Nothing is held but the current line, and of a line no more than
 * {@value #MAX_LINE_CHARS} characters: a longer one is rejected as too long and skipped unread.
 *
 * <p>The text is UTF-8 unless a byte order mark says UTF-16 (little or big endian); a UTF-8 mark is dropped, bytes
 * that are not UTF-8 become U+FFFD (every value of a good line is ASCII, so only bad lines can hold them). The first
 * line with content is the header naming the five columns, in any order and case, and optionally {@code formFactor}
 * ({@code PLUG_IN}, the default, {@code PATCH} or {@code ESIM}) and {@code eid} (32 digits, required for an eSIM
 * card, refused for the others); other columns are ignored.
 */
final class InventoryFile {

    /** Longer lines are rejected without being held: an inventory line has about 80 characters. */
    static final int MAX_LINE_CHARS = 1 << 20;
    /** Of a rejected line, this many characters are kept to show and download. */
    static final int MAX_RAW_CHARS = 1_000;

    private static final CSVFormat CSV =
            CSVFormat.DEFAULT.builder().setTrim(true).get();

    /** Why a line was not taken: an error code, the column at fault (null for the whole line), a message key. */
    record Verdict(String code, String field, String messageKey) {}

    /**
     * A line with content, judged: its line number in the file (the header is line 1), the five values in the order
     * of {@link CardImporter#COLUMNS}, the form factor ({@code PLUG_IN} when not given), the EID (null when none) and
     * the plan when it is good, otherwise every problem found on it (the first is its verdict) and the line to show
     * with them (the values as CSV, or the text as read), at most {@value #MAX_RAW_CHARS} characters.
     */
    record Row(
            long line,
            List<String> values,
            String formFactor,
            String eid,
            ServicePlanSummary plan,
            List<Verdict> problems,
            String raw) {

        boolean good() {
            return problems.isEmpty();
        }

        /** The first problem, or null for a good row. */
        Verdict verdict() {
            return good() ? null : problems.get(0);
        }
    }

    private final Lines lines;
    private final Map<String, ServicePlanSummary> plans;
    private final int[] columns;

    private InventoryFile(Lines lines, Map<String, ServicePlanSummary> plans, int[] columns) {
        this.lines = lines;
        this.plans = plans;
        this.columns = columns;
    }

    /**
     * Reads the byte order mark and the header.
     *
     * @param plans the plans by code
     * @throws ValidationException {@code card.import.header} on the field {@code file} when the file has no line
     *     naming the five columns before its first line of data
     */
    static InventoryFile open(InputStream input, Map<String, ServicePlanSummary> plans) throws IOException {
        Lines lines = new Lines(decoded(input));
        while (lines.next()) {
            if (lines.isBlank()) {
                continue;
            }
            List<String> names = lines.tooLong() ? null : fields(lines.text());
            if (names == null) {
                throw headerProblem();
            }
            return new InventoryFile(lines, plans, positions(names));
        }
        throw headerProblem();
    }

    /** The next line with content, judged; null at the end of the file. Blank lines are passed over. */
    Row next() throws IOException {
        while (lines.next()) {
            if (!lines.isBlank()) {
                return judge();
            }
        }
        return null;
    }

    private Row judge() {
        long line = lines.number();
        if (lines.tooLong()) {
            return rejected(line, null, "card.import.lineTooLong", lines.text());
        }
        List<String> fields = fields(lines.text());
        if (fields == null) {
            return rejected(line, null, "card.import.malformedLine", lines.text());
        }
        for (int i = 0; i < CardImporter.COLUMNS.size(); i++) {
            if (columns[i] >= fields.size()) {
                return rejected(line, null, "card.import.columns", asCsv(fields));
            }
        }
        List<String> values = new ArrayList<>(CardImporter.ALL_COLUMNS.size());
        for (int i = 0; i < CardImporter.COLUMNS.size(); i++) {
            values.add(fields.get(columns[i]));
        }
        for (int i = CardImporter.COLUMNS.size(); i < columns.length; i++) {
            // the optional columns: a missing column or an empty value is the default
            String value = columns[i] < 0 || columns[i] >= fields.size() ? "" : fields.get(columns[i]);
            values.add(value.isEmpty() ? null : value);
        }
        if (values.get(5) == null) {
            values.set(5, FormFactor.PLUG_IN.name());
        }
        List<Verdict> problems = check(values);
        if (!problems.isEmpty()) {
            return new Row(line, null, null, null, null, problems, shown(asCsv(fields)));
        }
        return new Row(
                line,
                List.copyOf(values.subList(0, 5)),
                values.get(5),
                values.get(6),
                plans.get(values.get(4)),
                List.of(),
                null);
    }

    /** Every problem of the line's values, in the order of the columns; none for a good line. */
    private List<Verdict> check(List<String> values) {
        List<Verdict> problems = new ArrayList<>(2);
        if (!Iccid.isValid(values.get(0))) {
            problems.add(new Verdict("INVALID_ICCID", "iccid", "error.INVALID_ICCID"));
        }
        if (!Msisdn.isValid(values.get(1))) {
            problems.add(new Verdict("VALIDATION_FAILED", "msisdn", "card.msisdn.invalid"));
        }
        if (!Imsi.isValid(values.get(2))) {
            problems.add(new Verdict("VALIDATION_FAILED", "imsi", "card.imsi.invalid"));
        }
        if (!isOperator(values.get(3))) {
            problems.add(new Verdict("VALIDATION_FAILED", "operator", "card.operator.unknown"));
        }
        if (!plans.containsKey(values.get(4))) {
            problems.add(new Verdict("VALIDATION_FAILED", "planCode", "card.plan.unknown"));
        }
        boolean formFactor = isFormFactor(values.get(5));
        if (!formFactor) {
            problems.add(new Verdict("VALIDATION_FAILED", "formFactor", "card.formFactor.unknown"));
        }
        String eid = values.get(6);
        boolean esim = FormFactor.ESIM.name().equals(values.get(5));
        if (eid != null && !Eid.isValid(eid)) {
            problems.add(new Verdict("VALIDATION_FAILED", "eid", "card.eid.invalid"));
        } else if (formFactor && esim && eid == null) {
            problems.add(new Verdict("VALIDATION_FAILED", "eid", "card.eid.required"));
        } else if (formFactor && !esim && eid != null) {
            problems.add(new Verdict("VALIDATION_FAILED", "eid", "card.eid.onlyEsim"));
        }
        return problems;
    }

    private static Row rejected(long line, String field, String messageKey, CharSequence raw) {
        return new Row(
                line, null, null, null, null, List.of(new Verdict("VALIDATION_FAILED", field, messageKey)), shown(raw));
    }

    private static boolean isFormFactor(String value) {
        for (FormFactor formFactor : FormFactor.values()) {
            if (formFactor.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOperator(String value) {
        for (Operator operator : Operator.values()) {
            if (operator.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The values of one line of CSV, or null when its quoting is broken. A line without quotes — every line of a
     * usual file — is split at its commas and each value trimmed, which is what commons-csv makes of it (the tests
     * compare the two), at a fraction of the cost of a parser per line.
     */
    static List<String> fields(CharSequence line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '"') {
                return parsed(line);
            }
        }
        List<String> fields = new ArrayList<>(8);
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == ',') {
                fields.add(line.subSequence(start, i).toString().trim());
                start = i + 1;
            }
        }
        return fields;
    }

    /** The values of one line of CSV as commons-csv reads them, or null when its quoting is broken. */
    static List<String> parsed(CharSequence line) {
        try (CSVParser parser = CSV.parse(new CharSequenceReader(line))) {
            Iterator<CSVRecord> records = parser.iterator();
            return records.hasNext() ? records.next().toList() : List.of();
        } catch (IOException | UncheckedIOException | IllegalStateException broken) {
            return null;
        }
    }

    private static String asCsv(List<String> fields) {
        return CSVFormat.DEFAULT.format(fields.toArray());
    }

    /** The positions of the five columns, by their names in the header (any order, any case). */
    private static int[] positions(List<String> header) {
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            names.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
        int[] positions = new int[CardImporter.ALL_COLUMNS.size()];
        for (int i = 0; i < positions.length; i++) {
            Integer position = names.get(CardImporter.ALL_COLUMNS.get(i).toLowerCase(Locale.ROOT));
            if (position == null && i < CardImporter.COLUMNS.size()) {
                throw headerProblem();
            }
            positions[i] = position == null ? -1 : position;
        }
        return positions;
    }

    private static ValidationException headerProblem() {
        return new ValidationException(new FieldProblem("file", ErrorCode.VALIDATION_FAILED, "card.import.header"));
    }

    /** A rejected line as it is kept: at most {@value #MAX_RAW_CHARS} characters, then an ellipsis. */
    static String shown(CharSequence raw) {
        if (raw.length() <= MAX_RAW_CHARS) {
            return raw.toString();
        }
        int end = Character.isHighSurrogate(raw.charAt(MAX_RAW_CHARS - 1)) ? MAX_RAW_CHARS - 1 : MAX_RAW_CHARS;
        return raw.subSequence(0, end) + "…";
    }

    /** The text of the stream: UTF-16 after its byte order mark, otherwise UTF-8 without one. */
    private static Reader decoded(InputStream input) throws IOException {
        PushbackInputStream in = new PushbackInputStream(input, 3);
        byte[] start = new byte[3];
        int read = in.readNBytes(start, 0, 3);
        Charset charset = StandardCharsets.UTF_8;
        int mark = 0;
        if (read >= 2 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            mark = 2;
        } else if (read >= 2 && (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            mark = 2;
        } else if (read == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
            mark = 3;
        }
        in.unread(start, mark, read - mark);
        return new InputStreamReader(
                in,
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** Physical lines of a character stream, ended by LF, CR or CR LF; of each, the first characters up to the limit. */
    static final class Lines {

        private final Reader in;
        private final char[] buffer = new char[8192];
        private final StringBuilder text = new StringBuilder(128);
        private int position;
        private int limit;
        private boolean afterCarriageReturn;
        private boolean tooLong;
        private long number;

        Lines(Reader in) {
            this.in = in;
        }

        /** Reads the next line; false at the end of the stream. */
        boolean next() throws IOException {
            text.setLength(0);
            tooLong = false;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = Math.max(0, in.read(buffer));
                    position = 0;
                    if (limit == 0) {
                        afterCarriageReturn = false;
                        if (any) {
                            number++;
                        }
                        return any;
                    }
                }
                char c = buffer[position++];
                if (afterCarriageReturn) {
                    afterCarriageReturn = false;
                    if (c == '\n') {
                        continue;
                    }
                }
                if (c == '\n' || c == '\r') {
                    afterCarriageReturn = c == '\r';
                    number++;
                    return true;
                }
                any = true;
                if (text.length() < MAX_LINE_CHARS) {
                    text.append(c);
                } else {
                    tooLong = true;
                }
            }
        }

        /** The line's number, from 1. */
        long number() {
            return number;
        }

        /** The line's text, without its end; of a line that is too long, only its beginning. */
        CharSequence text() {
            return text;
        }

        boolean tooLong() {
            return tooLong;
        }

        boolean isBlank() {
            for (int i = 0; i < text.length(); i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    return false;
                }
            }
            return !tooLong;
        }
    }

    /** A reader over the current line, without copying it. */
    private static final class CharSequenceReader extends Reader {

        private final CharSequence text;
        private int position;

        CharSequenceReader(CharSequence text) {
            this.text = text;
        }

        @Override
        public int read(char[] target, int offset, int length) {
            if (position >= text.length()) {
                return -1;
            }
            int n = Math.min(length, text.length() - position);
            for (int i = 0; i < n; i++) {
                target[offset + i] = text.charAt(position + i);
            }
            position += n;
            return n;
        }

        @Override
        public void close() {}
    }
}
