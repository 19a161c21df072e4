package com.realsim.card.inventory;

import com.realsim.platform.Actor;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.jobs.Jobs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inventory imports (OPS): synchronously for the API, in the background for the page (which polls the job's
 * progress), both as jobs of the platform ({@link CardImportJob}), so that an import whose instance died is run again
 * or failed by another instance. See {@link CardImporter} for the pipeline.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CardImportService {

    private final CardImporter importer;
    private final JdbcTemplate jdbc;
    private final Jobs jobs;

    /** Imports a CSV stream now and answers the outcome with every rejected line. */
    public CardImportResult importNow(InputStream csv, String fileName, Actor actor) {
        long id = importer.queue(fileName, null, actor);
        CardImporter.Outcome outcome = jobs.runInline(
                CardImportJob.KIND, Long.toString(id), actor, job -> importer.run(id, fileName, csv, actor));
        return new CardImportResult(id, outcome.imported(), rejected(id, Integer.MAX_VALUE));
    }

    /**
     * Queues the import of an uploaded file as a background job (platform.jobs): the file is kept in the database
     * until the import ends, and whichever instance picks the job up runs it (again, from the start, when the
     * instance running it dies: the import's transaction died with it). Answers the import's id at once.
     */
    @Transactional
    public long start(InputStream upload, String fileName, long size, Actor actor) {
        long id = importer.queue(fileName, size, actor);
        jobs.start(CardImportJob.KIND, Long.toString(id), actor, upload);
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
                "SELECT line, code, field, message_key, raw, problems FROM card_import_rejection WHERE import_id = ?"
                        + " ORDER BY line LIMIT ?",
                (rs, i) -> new RejectedLine(
                        rs.getLong("line"),
                        rs.getString("code"),
                        rs.getString("field"),
                        rs.getString("message_key"),
                        rs.getString("raw"),
                        problems(rs)),
                importId,
                limit);
    }

    /**
     * Writes the rejected lines as CSV, streamed from the database: line, code, field (of a line with several problems,
     * each problem's, joined by {@code ;}), then the original row's columns, so that the file can be corrected and
     * imported again.
     */
    public void writeRejected(long importId, Writer out) {
        job(importId);
        try {
            out.write("line,code,field," + String.join(",", CardImporter.COLUMNS) + "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.query(
                "SELECT line, code, field, message_key, raw, problems FROM card_import_rejection WHERE import_id = ?"
                        + " ORDER BY line",
                rs -> {
                    List<RejectedLine.Problem> problems = problems(rs);
                    try {
                        out.write(rs.getLong("line") + ","
                                + String.join(
                                        ";",
                                        problems.stream()
                                                .map(RejectedLine.Problem::code)
                                                .toList()) + ","
                                + String.join(
                                        ";",
                                        problems.stream()
                                                .map(p -> p.field() == null ? "" : p.field())
                                                .toList())
                                + "," + rs.getString("raw") + "\r\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                importId);
    }

    /** Every problem of a rejected line; a line kept with its first problem only (a duplicate) has that one. */
    private static List<RejectedLine.Problem> problems(ResultSet rs) throws SQLException {
        List<RejectedLine.Problem> problems = JsonMapper.shared().readValue(rs.getString("problems"), PROBLEMS);
        return problems.isEmpty()
                ? List.of(new RejectedLine.Problem(
                        rs.getString("code"), rs.getString("field"), rs.getString("message_key")))
                : problems;
    }

    private static final TypeReference<List<RejectedLine.Problem>> PROBLEMS = new TypeReference<>() {};

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
