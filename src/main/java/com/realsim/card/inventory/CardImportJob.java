package com.realsim.card.inventory;

import com.realsim.platform.jobs.JobContext;
import com.realsim.platform.jobs.JobHandler;
import com.realsim.platform.jobs.JobView;
import java.sql.Timestamp;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The inventory import as a platform job: its subject is the {@code card_import} row, its input the uploaded file.
 * A run cut off by the death of its instance is run again from the start (the import's one transaction died with
 * the instance, so nothing of it was stored); a job that fails for good marks its import as failed.
 */
@Component
@RequiredArgsConstructor
class CardImportJob implements JobHandler {

    static final String KIND = "card-import";

    private final CardImporter importer;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext job) {
        long importId = Long.parseLong(job.subject());
        String fileName = jdbc.queryForObject("SELECT file_name FROM card_import WHERE id = ?", String.class, importId);
        importer.run(importId, fileName, job.input(), job.owner().orElseThrow());
    }

    /** The import, unless it has recorded its own outcome already, failed as interrupted. */
    @Override
    public void failed(JobView job) {
        jdbc.update("""
                UPDATE card_import SET status = 'FAILED', failure_key = 'card.import.interrupted', finished_at = ?,
                       rows_imported = 0
                 WHERE id = ? AND status IN ('QUEUED', 'RUNNING')""", Timestamp.from(clock.instant()), Long.parseLong(job.subject()));
    }
}
