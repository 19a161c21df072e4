package com.realsim.card.usage;

import com.realsim.card.CardUsageService;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.jobs.JobContext;
import com.realsim.platform.jobs.JobHandler;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an uploaded usage file: reads it as a CSV stream and takes it in slices of {@link
 * CardUsageService#MAX_REPORTS} records, each slice in one transaction with its rejected lines and the upload's
 * counts and lines done. A run restarted on another instance (its instance died) goes on after the lines done; a day
 * reported twice is replaced anyway.
 */
@Component
@RequiredArgsConstructor
class UsageUploadJob implements JobHandler {

    static final String KIND = "card-usage-upload";

    /** The columns a usage file must name; {@code imei} and {@code nonDirectionalKb} may be left out. */
    static final List<String> REQUIRED = List.of("iccid", "date", "dataKb", "smsCount", "voiceSeconds");

    private static final int MAX_RAW_CHARS = 1_000;
    private static final CSVFormat CSV = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .get();

    private final CardUsageService usage;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext job) throws IOException {
        long linesDone = jdbc.sql("SELECT lines_done FROM card_usage_upload WHERE job_id = :id")
                .param("id", job.id())
                .query(Long.class)
                .single();
        long total = jdbc.sql("SELECT bytes FROM card_usage_upload WHERE job_id = :id")
                .param("id", job.id())
                .query(Long.class)
                .single();
        try (Reader reader = new InputStreamReader(job.input(), StandardCharsets.UTF_8);
                CSVParser parser = CSV.parse(reader)) {
            Set<String> names = parser.getHeaderNames().stream()
                    .map(name -> name.replace("\uFEFF", "").toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            if (!names.containsAll(
                    REQUIRED.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList())) {
                throw new ValidationException(
                        new FieldProblem("file", ErrorCode.VALIDATION_FAILED, "card.usageUpload.header"));
            }
            Slice slice = new Slice();
            Iterator<CSVRecord> records = parser.iterator();
            while (next(records)) {
                CSVRecord record = records.next();
                long line = record.getRecordNumber() + 1;
                if (line <= linesDone) {
                    continue;
                }
                slice.add(line, record);
                if (slice.size() == CardUsageService.MAX_REPORTS) {
                    take(job.id(), slice);
                    // characters read: bytes, for the ASCII of a usage file
                    job.progress(Math.min(record.getCharacterPosition(), total), total);
                    slice = new Slice();
                }
            }
            if (slice.size() > 0 || slice.lastLine > 0) {
                take(job.id(), slice);
            }
            job.progress(total, total);
        }
    }

    private static boolean next(Iterator<CSVRecord> records) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException broken) {
            throw new ValidationException(
                    new FieldProblem("file", ErrorCode.VALIDATION_FAILED, "card.usageUpload.malformed"));
        }
    }

    /** One slice: its reports in the ingest's terms, and the lines they came from. */
    private static final class Slice {

        final List<CardUsageService.Report> reports = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        final List<String> raws = new ArrayList<>();
        final List<CardUsageService.Rejected> unreadable = new ArrayList<>();
        long lastLine;

        void add(long line, CSVRecord record) {
            int index = reports.size();
            lastLine = line;
            lines.add(line);
            String raw = CSVFormat.DEFAULT.format(record.values());
            raws.add(raw.length() > MAX_RAW_CHARS ? raw.substring(0, MAX_RAW_CHARS) + "…" : raw);
            Long[] numbers = new Long[4];
            String[] fields = {"dataKb", "smsCount", "voiceSeconds", "nonDirectionalKb"};
            String badField = null;
            for (int i = 0; i < fields.length; i++) {
                String text = value(record, fields[i]);
                try {
                    numbers[i] = text == null ? null : Long.valueOf(text);
                } catch (NumberFormatException notANumber) {
                    badField = badField == null ? fields[i] : badField;
                }
            }
            if (badField != null) {
                unreadable.add(new CardUsageService.Rejected(
                        index, ErrorCode.VALIDATION_FAILED, badField, "card.usageUpload.number", List.of()));
                // stands in the slice as an empty report, which the ingest rejects; its verdict is the one above
                reports.add(new CardUsageService.Report(null, null, null, null, null, null, null));
                return;
            }
            reports.add(new CardUsageService.Report(
                    value(record, "iccid"),
                    value(record, "date"),
                    numbers[0],
                    numbers[1],
                    numbers[2],
                    value(record, "imei"),
                    numbers[3]));
        }

        int size() {
            return reports.size();
        }

        private static String value(CSVRecord record, String name) {
            for (String header : record.getParser().getHeaderNames()) {
                if (header.replace("\uFEFF", "").equalsIgnoreCase(name)) {
                    String value = record.isSet(header) ? record.get(header) : null;
                    return value == null || value.isEmpty() ? null : value;
                }
            }
            return null;
        }
    }

    /** The slice's reports taken, its rejected lines and the upload's counts stored, in one transaction. */
    private void take(long jobId, Slice slice) {
        transactions.executeWithoutResult(status -> {
            CardUsageService.Outcome outcome = usage.ingest(slice.reports);
            List<CardUsageService.Rejected> rejected = new ArrayList<>(slice.unreadable);
            Set<Integer> unreadable = slice.unreadable.stream()
                    .map(CardUsageService.Rejected::index)
                    .collect(Collectors.toSet());
            outcome.rejected().stream()
                    .filter(r -> !unreadable.contains(r.index()))
                    .forEach(rejected::add);
            if (!rejected.isEmpty()) {
                jdbc.sql("""
                                INSERT INTO card_usage_upload_rejection (job_id, line, code, field, message_key, raw)
                                SELECT :job, r.line, r.code, r.field, r.message_key, r.raw
                                  FROM unnest(:lines::bigint[], :codes::text[], :fields::text[], :keys::text[],
                                              :raws::text[]) AS r(line, code, field, message_key, raw)
                                ON CONFLICT DO NOTHING""")
                        .param("job", jobId)
                        .param(
                                "lines",
                                rejected.stream()
                                        .map(r -> slice.lines.get(r.index()))
                                        .toArray(Long[]::new))
                        .param(
                                "codes",
                                rejected.stream().map(r -> r.code().name()).toArray(String[]::new))
                        .param(
                                "fields",
                                rejected.stream()
                                        .map(CardUsageService.Rejected::field)
                                        .toArray(String[]::new))
                        .param(
                                "keys",
                                rejected.stream()
                                        .map(CardUsageService.Rejected::messageKey)
                                        .toArray(String[]::new))
                        .param(
                                "raws",
                                rejected.stream()
                                        .map(r -> slice.raws.get(r.index()))
                                        .toArray(String[]::new))
                        .update();
            }
            jdbc.sql("""
                            UPDATE card_usage_upload
                               SET accepted = accepted + :accepted, rejected = rejected + :rejected,
                                   lines_done = :lines
                             WHERE job_id = :job""")
                    .param("accepted", outcome.accepted())
                    .param("rejected", rejected.size())
                    .param("lines", slice.lastLine)
                    .param("job", jobId)
                    .update();
        });
    }
}
