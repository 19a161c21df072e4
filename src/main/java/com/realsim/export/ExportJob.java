package com.realsim.export;

import com.realsim.export.ExportQueries.Extract;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.TenantScope;
import com.realsim.platform.jobs.JobContext;
import com.realsim.platform.jobs.JobHandler;
import com.realsim.platform.jobs.JobView;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes an export's file, as a platform job on whichever instance picks it up, as its creator (so that the creator's
 * tenant scope applies): the rows are read from a PostgreSQL cursor ({@code realsim.exports.fetch-size} at a time, in
 * one read-only transaction) and written straight into the stored parts, so the heap holds one batch of rows and one
 * part whatever the size of the file. Progress (rows done of the total counted first) is committed about once a
 * second. A run cut off by the death of its instance is run again from the start by another instance
 * (its parts deleted first); one that fails leaves the export FAILED, with no parts.
 */
@Component
class ExportJob implements JobHandler {

    /** Progress is committed at most once a second (each commit is a transaction of its own, and a heartbeat). */
    static final long PROGRESS_EVERY = 1_000_000_000L;

    static final int PROGRESS_CHECK = 1000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate cursor;
    private final ExportQueries queries;
    private final ExportFiles files;
    private final Clock clock;
    private final TransactionTemplate reading;
    private final TransactionTemplate separately;

    ExportJob(
            JdbcClient jdbc,
            DataSource dataSource,
            ExportQueries queries,
            ExportFiles files,
            Clock clock,
            ExportProperties properties,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(properties.fetchSize());
        this.cursor = new NamedParameterJdbcTemplate(template);
        this.queries = queries;
        this.files = files;
        this.clock = clock;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public String kind() {
        return Exports.JOB_KIND;
    }

    @Override
    public void run(JobContext job) throws IOException {
        long id = Long.parseLong(job.subject());
        ExportView export = separately.execute(status -> jdbc.sql("SELECT * FROM export_file WHERE id = ?")
                .param(id)
                .query(Exports::view)
                .single());
        if (export.status() == ExportStatus.DONE) {
            return;
        }
        files.delete(id);
        separately.executeWithoutResult(status -> jdbc.sql(
                        "UPDATE export_file SET status = 'RUNNING', rows_done = 0, rows_total = NULL WHERE id = ?")
                .param(id)
                .update());
        TenantScope scope = CurrentActor.scope();
        ExportFilter filter = new ExportFilter(export.filter());
        Extract extract = queries.extract(export.kind(), filter, scope, export.unmasked());
        long total =
                reading.execute(status -> cursor.queryForObject(extract.countSql(), extract.parameters(), Long.class));
        separately.executeWithoutResult(status -> jdbc.sql("UPDATE export_file SET rows_total = ? WHERE id = ?")
                .params(total, id)
                .update());
        job.progress(0, total);

        long[] rows = {0};
        long[] lastProgress = {System.nanoTime()};
        CountingOutput out = new CountingOutput(files.writer(id));
        try (out) {
            ExportSheet sheet = ExportSheet.of(export.format(), sheetName(export.kind()), out);
            sheet.header(extract.header());
            reading.executeWithoutResult(status -> cursor.query(extract.sql(), extract.parameters(), rs -> {
                try {
                    sheet.row(extract.values().of(rs));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (++rows[0] % PROGRESS_CHECK == 0 && System.nanoTime() - lastProgress[0] >= PROGRESS_EVERY) {
                    progress(job, id, rows[0], total);
                    lastProgress[0] = System.nanoTime();
                }
            }));
            if (export.kind() == ExportKind.OPERATOR_REPORT) {
                Extract summary = queries.operatorSummary(filter, scope);
                sheet.section("summary", summary.header());
                reading.executeWithoutResult(status -> cursor.query(summary.sql(), summary.parameters(), rs -> {
                    try {
                        sheet.row(summary.values().of(rs));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            sheet.finish();
        }
        job.progress(rows[0], total);
        separately.executeWithoutResult(status -> jdbc.sql("UPDATE export_file SET status = 'DONE', rows_done = ?,"
                        + " rows_total = ?, bytes = ?, finished_at = ? WHERE id = ?")
                .params(rows[0], rows[0], out.count, Timestamp.from(clock.instant()), id)
                .update());
    }

    @Override
    public void failed(JobView job) {
        long id = Long.parseLong(job.subject());
        files.delete(id);
        separately.executeWithoutResult(status -> jdbc.sql(
                        "UPDATE export_file SET status = 'FAILED', error_key = ?, finished_at = ? WHERE id = ?")
                .params(job.errorKey() == null ? "job.failed" : job.errorKey(), Timestamp.from(clock.instant()), id)
                .update());
    }

    private void progress(JobContext job, long id, long done, long total) {
        separately.executeWithoutResult(status -> jdbc.sql("UPDATE export_file SET rows_done = ? WHERE id = ?")
                .params(done, id)
                .update());
        job.progress(done, total);
    }

    private static String sheetName(ExportKind kind) {
        return kind.name().toLowerCase().replace('_', '-');
    }

    /** Counts the bytes of the file as they go into its parts. */
    private static final class CountingOutput extends OutputStream {

        private final OutputStream out;
        private long count;

        CountingOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
