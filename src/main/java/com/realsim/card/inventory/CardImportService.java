package com.realsim.card.inventory;

import com.realsim.platform.Actor;
import com.realsim.platform.error.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Inventory imports (OPS): synchronously for the API, in the background for the page (which polls the job's
 * progress). See {@link CardImporter} for the pipeline.
 */
@Service
public class CardImportService {

    private static final Logger log = LoggerFactory.getLogger(CardImportService.class);
    /** A running job whose heartbeat is older than this when the application starts was cut off by a stop. */
    private static final Duration STALE = Duration.ofMinutes(10);

    private final CardImporter importer;
    private final JdbcTemplate jdbc;
    private final TaskExecutor executor;
    private final Clock clock;

    CardImportService(
            CardImporter importer,
            JdbcTemplate jdbc,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            Clock clock) {
        this.importer = importer;
        this.jdbc = jdbc;
        this.executor = executor;
        this.clock = clock;
    }

    /** Imports a CSV stream now and answers the outcome with every rejected line. */
    public CardImportResult importNow(InputStream csv, String fileName, Actor actor) {
        long id = importer.queue(fileName, null, actor);
        CardImporter.Outcome outcome = importer.run(id, fileName, csv, actor);
        return new CardImportResult(id, outcome.imported(), rejected(id, Integer.MAX_VALUE));
    }

    /**
     * Queues the import of a file already stored on disk and runs it in the background; the file is deleted when
     * the import ends. Answers the job's id at once.
     */
    public long start(Path file, String fileName, Actor actor) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long id = importer.queue(fileName, size, actor);
        executor.execute(() -> {
            try (InputStream input = Files.newInputStream(file)) {
                importer.run(id, fileName, input, actor);
            } catch (IOException | RuntimeException e) {
                log.info(
                        "Background import {} ended without importing: {}",
                        id,
                        e.getClass().getSimpleName());
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Could not delete the uploaded file of import {}", id);
                }
            }
        });
        return id;
    }

    public CardImportView job(long id) {
        return jdbc.query("SELECT * FROM card_import WHERE id = ?", CardImportService::view, id).stream()
                .findFirst()
                .orElseThrow(NotFoundException::new);
    }

    public List<CardImportView> recent(int limit) {
        return jdbc.query("SELECT * FROM card_import ORDER BY id DESC LIMIT ?", CardImportService::view, limit);
    }

    /** The rejected lines of an import in file order, at most {@code limit}. */
    public List<RejectedLine> rejected(long importId, int limit) {
        return jdbc.query(
                "SELECT line, code, field, message_key, raw FROM card_import_rejection WHERE import_id = ?"
                        + " ORDER BY line LIMIT ?",
                (rs, i) -> new RejectedLine(
                        rs.getLong("line"),
                        rs.getString("code"),
                        rs.getString("field"),
                        rs.getString("message_key"),
                        rs.getString("raw")),
                importId,
                limit);
    }

    /**
     * Writes the rejected lines as CSV, streamed from the database: line, code, field, then the original row's
     * columns, so that the file can be corrected and imported again.
     */
    public void writeRejected(long importId, Writer out) {
        job(importId);
        try {
            out.write("line,code,field," + String.join(",", CardImporter.COLUMNS) + "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.query(
                "SELECT line, code, field, raw FROM card_import_rejection WHERE import_id = ? ORDER BY line",
                rs -> {
                    try {
                        out.write(rs.getLong("line") + "," + rs.getString("code") + ","
                                + (rs.getString("field") == null ? "" : rs.getString("field")) + ","
                                + rs.getString("raw") + "\r\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                importId);
    }

    /** Jobs cut off by a stop of the application are marked as failed; their transaction was rolled back. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedImports() {
        int failed = jdbc.update(
                """
                UPDATE card_import SET status = 'FAILED', failure_key = 'card.import.interrupted', finished_at = ?
                 WHERE status IN ('QUEUED', 'RUNNING') AND COALESCE(heartbeat_at, created_at) < ?""",
                Timestamp.from(clock.instant()),
                Timestamp.from(clock.instant().minus(STALE)));
        if (failed > 0) {
            log.warn("{} inventory import(s) were interrupted by a stop and are marked as failed", failed);
        }
    }

    private static CardImportView view(ResultSet rs, int row) throws SQLException {
        return new CardImportView(
                rs.getLong("id"),
                rs.getString("file_name"),
                CardImportStatus.valueOf(rs.getString("status")),
                (Long) rs.getObject("bytes_total", Long.class),
                rs.getLong("bytes_read"),
                rs.getLong("rows_read"),
                rs.getLong("rows_imported"),
                rs.getLong("rows_rejected"),
                rs.getString("failure_key"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getString("started_by"));
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
