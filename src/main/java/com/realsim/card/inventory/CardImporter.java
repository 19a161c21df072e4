package com.realsim.card.inventory;

import com.realsim.card.events.CardsImported;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.catalogue.ServicePlanSummary;
import com.realsim.platform.Actor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ValidationException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import lombok.RequiredArgsConstructor;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an inventory file as a stream and stores its good rows in one transaction: each row is checked in Java
 * (ICCID with Luhn, number, IMSI, operator, plan) and sent with PostgreSQL {@code COPY} into a temporary staging
 * table; the good rows then go into {@code card} slice by slice ({@link #insertGoodRows}): a plain
 * {@code INSERT … SELECT} for a slice of new cards (the usual case); for a slice with a repeat within the file or an
 * ICCID or number already in use, claims in the lookup tables {@code card_iccid} and {@code card_msisdn_live}
 * ({@code INSERT … ON CONFLICT DO NOTHING RETURNING}) decide which lines become cards; every rejected line is recorded
 * with its code. No row goes through JPA, and the file is never held in memory.
 *
 * <p>Progress (bytes and rows read) is written on a connection of its own, committed as it goes, so that the page
 * can show it while the import's own transaction is still open.
 */
@Component
@RequiredArgsConstructor
class CardImporter {

    /** The columns every inventory file names. */
    static final List<String> COLUMNS = List.of("iccid", "msisdn", "imsi", "operator", "planCode");
    /** Those and the optional ones: the form factor ({@code PLUG_IN} when missing) and an eSIM card's EID. */
    static final List<String> ALL_COLUMNS =
            List.of("iccid", "msisdn", "imsi", "operator", "planCode", "formFactor", "eid");

    private static final Logger log = LoggerFactory.getLogger(CardImporter.class);
    private static final int PROGRESS_EVERY = 5_000;
    private static final int SLICE_PAGES = 128;
    private static final String INSERT_GOOD_ROWS = """
            INSERT INTO card (iccid, msisdn, imsi, operator, plan_id, imei_binding, form_factor, eid, state,
                              created_at, updated_at)
            SELECT s.iccid, s.msisdn, s.imsi, s.operator, s.plan_id, s.imei_binding OR s.form_factor <> 'PLUG_IN',
                   s.form_factor, s.eid, 'INVENTORY', now(), now()
              FROM card_import_staging s
             WHERE s.code IS NULL""";
    /** Pages {@code [from, to)} of the staging table, read with a TID range scan. */
    private static final String SLICE = "ctid >= ?::tid AND ctid < ?::tid";
    /** The same, of the staging table named {@code s} in a join. */
    private static final String STAGED_SLICE = "s.ctid >= ?::tid AND s.ctid < ?::tid";

    private final DataSource dataSource;
    private final ServicePlanService plans;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Creates the job row, committed at once, so that the page can show it before the work starts. */
    long queue(String fileName, Long bytesTotal, Actor actor) {
        return new JdbcTemplate(dataSource)
                .queryForObject(
                        """
                        INSERT INTO card_import (file_name, status, bytes_total, started_by, started_by_id, created_at)
                        VALUES (?, 'QUEUED', ?, ?, ?, ?) RETURNING id""",
                        Long.class,
                        fileName,
                        bytesTotal,
                        actor.name(),
                        actor.id(),
                        Timestamp.from(clock.instant()));
    }

    /**
     * Imports the file of a queued job. A file without the header is refused with a {@link ValidationException} and
     * imports nothing; a bad line (broken quoting, too long, a wrong value) rejects itself alone ({@link
     * InventoryFile}).
     */
    Outcome run(long importId, String fileName, InputStream input, Actor actor) {
        try (Progress progress = new Progress(dataSource, importId, clock)) {
            progress.started();
            try {
                Outcome outcome =
                        transaction.execute(status -> importInTransaction(importId, fileName, input, actor, progress));
                return outcome;
            } catch (DomainException refused) {
                String key = refused.fieldProblems().isEmpty()
                        ? refused.messageKey()
                        : refused.fieldProblems().get(0).messageKey();
                progress.failed(key);
                throw refused;
            } catch (RuntimeException e) {
                log.error("Inventory import {} failed", importId, e);
                progress.failed("card.import.failed");
                throw e;
            }
        }
    }

    record Outcome(long imported, long rejected) {}

    private Outcome importInTransaction(
            long importId, String fileName, InputStream input, Actor actor, Progress progress) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try {
            try (Statement statement = connection.createStatement()) {
                // Room for the staging table and the sorts in memory: temp_buffers takes effect only before the
                // session's first temporary table (a pooled session that staged usage already keeps its own, and
                // refuses the change: the savepoint keeps the import going), work_mem for this transaction.
                Savepoint beforeSetting = connection.setSavepoint();
                try {
                    statement.execute("SET temp_buffers = '64MB'");
                    connection.releaseSavepoint(beforeSetting);
                } catch (SQLException tempTablesUsed) {
                    connection.rollback(beforeSetting);
                }
                statement.execute("SET LOCAL work_mem = '64MB'");
                statement.execute("""
                        CREATE TEMPORARY TABLE card_import_staging (
                            line BIGINT NOT NULL, iccid TEXT COLLATE "C", msisdn TEXT COLLATE "C", imsi TEXT,
                            operator TEXT, plan_code TEXT, form_factor TEXT, eid TEXT, plan_id BIGINT,
                            imei_binding BOOLEAN,
                            code TEXT, field TEXT, message_key TEXT, raw TEXT, problems TEXT
                        ) ON COMMIT DROP""");
            }
            Map<String, ServicePlanSummary> planCodes = new HashMap<>();
            plans.plans().forEach(plan -> planCodes.put(plan.code(), plan));
            long started = System.nanoTime();
            long rowsRead = copyRows(connection.unwrap(PGConnection.class), input, planCodes, progress);
            progress.read(rowsRead);
            long copied = System.nanoTime();
            Outcome outcome = store(connection, jdbc, importId, fileName, rowsRead, actor);
            log.info(
                    "Import {}: {} rows read and copied in {} ms, {} imported and {} rejected in {} ms",
                    importId,
                    rowsRead,
                    (copied - started) / 1_000_000,
                    outcome.imported(),
                    outcome.rejected(),
                    (System.nanoTime() - copied) / 1_000_000);
            return outcome;
        } catch (SQLException e) {
            throw new IllegalStateException("Inventory import failed in the database", e);
        }
    }

    private long copyRows(
            PGConnection connection, InputStream input, Map<String, ServicePlanSummary> planCodes, Progress progress)
            throws SQLException {
        CountingInputStream counted = new CountingInputStream(input);
        PGCopyOutputStream copy = new PGCopyOutputStream(
                connection,
                "COPY card_import_staging (line, iccid, msisdn, imsi, operator, plan_code, form_factor, eid, plan_id,"
                        + " imei_binding, code,"
                        + " field, message_key, raw, problems)"
                        + " FROM STDIN",
                1 << 16);
        long rows = 0;
        try {
            InventoryFile file = InventoryFile.open(counted, planCodes);
            CopyRow row = new CopyRow();
            for (InventoryFile.Row line = file.next(); line != null; line = file.next()) {
                row.write(copy, line);
                rows++;
                if (rows % PROGRESS_EVERY == 0) {
                    progress.reading(rows, counted.count());
                }
            }
            copy.endCopy();
            return rows;
        } catch (IOException e) {
            cancel(copy);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            cancel(copy);
            throw e;
        }
    }

    private Outcome store(
            Connection connection, JdbcTemplate jdbc, long importId, String fileName, long rowsRead, Actor actor)
            throws SQLException {
        Stored stored = insertGoodRows(connection, jdbc);
        long imported = stored.imported();
        // Rejected: the rows refused in Java, with their verdict ...
        long rejected = jdbc.update("""
                INSERT INTO card_import_rejection (import_id, line, code, field, message_key, raw, problems)
                SELECT ?, line, code, field, message_key, raw, problems::jsonb
                  FROM card_import_staging WHERE code IS NOT NULL""", importId);
        // ... and, only when a slice met a duplicate and left good rows out, those rows, told apart by what they
        // conflicted
        // with: an ICCID (in the inventory, or on an earlier line) or a number (of a live card, or an earlier line).
        if (stored.duplicates() && imported < rowsRead - rejected) {
            jdbc.execute("CREATE INDEX ON card_import_done (iccid)");
            rejected += jdbc.update("""
                    INSERT INTO card_import_rejection (import_id, line, code, field, message_key, raw)
                    SELECT ?, s.line,
                           CASE WHEN i.iccid IS NOT NULL THEN 'DUPLICATE_ICCID' ELSE 'VALIDATION_FAILED' END,
                           CASE WHEN i.iccid IS NOT NULL THEN 'iccid' ELSE 'msisdn' END,
                           CASE WHEN i.iccid IS NOT NULL AND i.this_file THEN 'card.import.iccidRepeated'
                                WHEN i.iccid IS NOT NULL THEN 'card.import.iccidInInventory'
                                WHEN m.this_file THEN 'card.import.msisdnRepeated'
                                ELSE 'card.import.msisdnInUse' END,
                           concat_ws(',', s.iccid, s.msisdn, s.imsi, s.operator, s.plan_code)
                      FROM (SELECT g.*, min(g.line) OVER (PARTITION BY g.iccid, g.msisdn) AS first_line
                              FROM card_import_staging g WHERE g.code IS NULL) s
                      LEFT JOIN LATERAL (
                            SELECT c.iccid, EXISTS (SELECT 1 FROM card_import_done d WHERE d.iccid = c.iccid) AS this_file
                              FROM card c WHERE c.iccid = s.iccid) i ON true
                      LEFT JOIN LATERAL (
                            SELECT EXISTS (SELECT 1 FROM card_import_done d WHERE d.iccid = c.iccid) AS this_file
                              FROM card c WHERE c.msisdn = s.msisdn AND c.state <> 'CANCELLED') m ON i.iccid IS NULL
                     WHERE s.line > s.first_line
                        OR NOT EXISTS (SELECT 1 FROM card_import_done d WHERE d.iccid = s.iccid AND d.msisdn = s.msisdn)""", importId);
        }
        jdbc.update(
                """
                UPDATE card_import
                   SET status = 'FINISHED', rows_read = ?, rows_imported = ?, rows_rejected = ?,
                       bytes_read = COALESCE(bytes_total, bytes_read), finished_at = ?, heartbeat_at = ?
                 WHERE id = ?""",
                rowsRead,
                imported,
                rejected,
                Timestamp.from(clock.instant()),
                Timestamp.from(clock.instant()),
                importId);
        events.publishEvent(new CardsImported(importId, fileName, imported, rejected, actor));
        return new Outcome(imported, rejected);
    }

    /**
     * Stores the good rows in slices of the staging table ({@value #SLICE_PAGES} pages, about 9,000 rows, in the
     * order of the file). A slice of new cards only, the usual case, goes in with a plain {@code INSERT}, about twice
     * as fast as one that decides conflicts row by row (see docs/benchmarks.md); the card's insert trigger writes its
     * lookup rows ({@code card_iccid}, {@code card_msisdn_live}, V371). It runs under a savepoint: the first ICCID or
     * number already taken (in the inventory, on an earlier line, or by an import committing meanwhile) undoes the
     * slice, and {@link #insertClaimed} stores it instead, skipping every duplicate; the first of two repeated lines
     * wins either way.
     *
     * @return the rows stored, and whether any slice met a duplicate
     */
    private static Stored insertGoodRows(Connection connection, JdbcTemplate jdbc) throws SQLException {
        long pages = jdbc.queryForObject(
                "SELECT pg_relation_size('card_import_staging') / current_setting('block_size')::int", Long.class);
        long imported = 0;
        List<String[]> plainSlices = new ArrayList<>();
        boolean duplicates = false;
        for (long from = 0; from < pages; from += SLICE_PAGES) {
            String[] slice = {"(" + from + ",0)", "(" + (from + SLICE_PAGES) + ",0)"};
            Savepoint beforeSlice = connection.setSavepoint();
            try {
                imported += jdbc.update(INSERT_GOOD_ROWS + " AND " + SLICE, slice[0], slice[1]);
                connection.releaseSavepoint(beforeSlice);
                plainSlices.add(slice);
            } catch (DuplicateKeyException taken) {
                connection.rollback(beforeSlice);
                if (!duplicates) {
                    jdbc.execute("CREATE TEMPORARY TABLE card_import_done (iccid TEXT COLLATE \"C\","
                            + " msisdn TEXT COLLATE \"C\") ON COMMIT DROP");
                    jdbc.execute("CREATE TEMPORARY TABLE card_import_claim (line BIGINT PRIMARY KEY,"
                            + " id BIGINT NOT NULL UNIQUE, iccid TEXT COLLATE \"C\", msisdn TEXT COLLATE \"C\","
                            + " outcome TEXT) ON COMMIT DROP");
                    duplicates = true;
                }
                imported += insertClaimed(jdbc, slice);
            }
        }
        if (duplicates) {
            // what the plain slices stored, for telling the rejections apart
            for (String[] slice : plainSlices) {
                jdbc.update(
                        "INSERT INTO card_import_done (iccid, msisdn) SELECT iccid, msisdn FROM card_import_staging"
                                + " WHERE code IS NULL AND " + SLICE,
                        slice[0],
                        slice[1]);
            }
        }
        return new Stored(imported, duplicates);
    }

    /**
     * Stores a slice that met a duplicate: each good line draws its card's id, claims its ICCID in {@code card_iccid}
     * and then its number in {@code card_msisdn_live} ({@code INSERT … ON CONFLICT DO NOTHING RETURNING}, in the order
     * of the file, so the first of two repeated lines wins; a claim held by an import not yet committed waits for it),
     * and only the lines that got both become cards. A line whose number was taken gives its ICCID back, and the
     * lines that lost that ICCID to it try again. The card's insert trigger finds the lookup rows already held by the
     * same cards.
     *
     * @return the cards stored
     */
    private static long insertClaimed(JdbcTemplate jdbc, String[] slice) {
        jdbc.update("DELETE FROM card_import_claim");
        jdbc.update("""
                INSERT INTO card_import_claim (line, id, iccid, msisdn)
                SELECT line, nextval(pg_get_serial_sequence('card', 'id')), iccid, msisdn
                  FROM card_import_staging WHERE code IS NULL AND\s""" + SLICE + " ORDER BY line", slice[0], slice[1]);
        int released;
        do {
            jdbc.update("""
                    WITH won AS (
                        INSERT INTO card_iccid (iccid, card_id)
                        SELECT iccid, id FROM card_import_claim WHERE outcome IS NULL ORDER BY line
                        ON CONFLICT DO NOTHING RETURNING card_id)
                    UPDATE card_import_claim c SET outcome = 'ICCID' FROM won WHERE c.id = won.card_id""");
            jdbc.update("""
                    WITH won AS (
                        INSERT INTO card_msisdn_live (msisdn, card_id)
                        SELECT msisdn, id FROM card_import_claim WHERE outcome = 'ICCID' ORDER BY line
                        ON CONFLICT DO NOTHING RETURNING card_id)
                    UPDATE card_import_claim c SET outcome = 'STORED' FROM won WHERE c.id = won.card_id""");
            released = jdbc.update("""
                    WITH released AS (
                        DELETE FROM card_iccid l USING card_import_claim c
                         WHERE c.outcome = 'ICCID' AND l.iccid = c.iccid AND l.card_id = c.id RETURNING l.card_id)
                    UPDATE card_import_claim c SET outcome = 'NUMBER_TAKEN' FROM released WHERE c.id = released.card_id""");
        } while (released > 0);
        return jdbc.update("""
                WITH inserted AS (
                    INSERT INTO card (id, iccid, msisdn, imsi, operator, plan_id, imei_binding, form_factor, eid, state,
                                      created_at, updated_at)
                    OVERRIDING SYSTEM VALUE
                    SELECT c.id, s.iccid, s.msisdn, s.imsi, s.operator, s.plan_id,
                           s.imei_binding OR s.form_factor <> 'PLUG_IN', s.form_factor, s.eid, 'INVENTORY', now(), now()
                      FROM card_import_staging s JOIN card_import_claim c ON c.line = s.line AND c.outcome = 'STORED'
                     WHERE s.code IS NULL AND\s""" + STAGED_SLICE + """
                    RETURNING iccid, msisdn)
                INSERT INTO card_import_done (iccid, msisdn) SELECT iccid, msisdn FROM inserted""", slice[0], slice[1]);
    }

    private record Stored(long imported, boolean duplicates) {}

    private static void cancel(PGCopyOutputStream copy) {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            log.debug("Could not cancel COPY", e);
        }
    }

    /** One judged line written in COPY's text format: good rows with their values, bad ones with why. */
    static final class CopyRow {

        /** Every problem of a rejected line, as the JSON array the rejection keeps. */
        private static final JsonMapper PROBLEMS = JsonMapper.shared();

        private final StringBuilder text = new StringBuilder(256);

        void write(OutputStream copy, InventoryFile.Row row) throws IOException {
            text.setLength(0);
            text.append(row.line());
            for (int i = 0; i < COLUMNS.size(); i++) {
                text.append('\t');
                field(row.good() ? row.values().get(i) : null);
            }
            text.append('\t');
            field(row.formFactor());
            text.append('\t');
            field(row.eid());
            ServicePlanSummary plan = row.plan();
            text.append('\t');
            field(plan == null ? null : Long.toString(plan.id()));
            text.append('\t');
            field(plan == null ? null : plan.imeiBinding() ? "t" : "f");
            InventoryFile.Verdict verdict = row.verdict();
            text.append('\t');
            field(verdict == null ? null : verdict.code());
            text.append('\t');
            field(verdict == null ? null : verdict.field());
            text.append('\t');
            field(verdict == null ? null : verdict.messageKey());
            text.append('\t');
            field(row.raw());
            text.append('\t');
            field(row.good() ? null : PROBLEMS.writeValueAsString(row.problems()));
            text.append('\n');
            copy.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }

        /**
         * A value in COPY's text format: backslash escapes for the characters it reserves, {@code \\N} for null, and
         * NUL (which PostgreSQL's text cannot hold: one NUL in a bad line failed the whole import) as U+FFFD.
         */
        private void field(String value) {
            if (value == null) {
                text.append("\\N");
                return;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    case '\0' -> text.append('\uFFFD');
                    default -> text.append(c);
                }
            }
        }
    }

    /** The job row's progress, on a connection of its own that commits each update at once. */
    static final class Progress implements AutoCloseable {

        private final Connection connection;
        private final long importId;
        private final Clock clock;

        Progress(DataSource dataSource, long importId, Clock clock) {
            this.importId = importId;
            this.clock = clock;
            try {
                this.connection = dataSource.getConnection();
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw new IllegalStateException("No connection for the import's progress", e);
            }
        }

        void started() {
            update(
                    "UPDATE card_import SET status = 'RUNNING', started_at = ?, heartbeat_at = ? WHERE id = ?",
                    now(),
                    now(),
                    importId);
        }

        void reading(long rows, long bytes) {
            update(
                    "UPDATE card_import SET rows_read = ?, bytes_read = ?, heartbeat_at = ? WHERE id = ?",
                    rows,
                    bytes,
                    now(),
                    importId);
        }

        void read(long rows) {
            update(
                    "UPDATE card_import SET rows_read = ?, bytes_read = COALESCE(bytes_total, bytes_read),"
                            + " heartbeat_at = ? WHERE id = ?",
                    rows,
                    now(),
                    importId);
        }

        void failed(String key) {
            update(
                    "UPDATE card_import SET status = 'FAILED', failure_key = ?, finished_at = ?, rows_imported = 0"
                            + " WHERE id = ?",
                    key,
                    now(),
                    importId);
        }

        private Timestamp now() {
            return Timestamp.from(clock.instant());
        }

        private void update(String sql, Object... arguments) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < arguments.length; i++) {
                    statement.setObject(i + 1, arguments[i]);
                }
                statement.executeUpdate();
            } catch (SQLException e) {
                log.warn("Could not record the progress of import {}", importId, e);
            }
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Could not close the progress connection", e);
            }
        }
    }

    /** Counts the bytes read, for the progress bar. */
    static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
