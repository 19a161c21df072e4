package com.realsim.export;

import com.realsim.platform.jobs.Recurring;
import java.sql.Timestamp;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deletes exports (and their files) once kept for {@code realsim.exports.keep}, once across every instance. */
@Component
@RequiredArgsConstructor
class ExportRetention {

    private static final Logger log = LoggerFactory.getLogger(ExportRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    @Recurring(name = "export-expire", fixedDelay = "${realsim.exports.expire-check-interval:15m}")
    @Transactional
    public void deleteExpired() {
        int deleted = jdbc.sql("DELETE FROM export_file WHERE expires_at <= ?")
                .param(Timestamp.from(clock.instant()))
                .update();
        if (deleted > 0) {
            log.info("Deleted {} expired exports", deleted);
        }
    }
}
