package com.realsim.platform.jobs;

import java.time.Clock;
import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The jobs' own recurring work: failing inline jobs whose instance died (their session lock is free while they are
 * still marked as running), and forgetting finished jobs after {@code realsim.jobs.keep-finished}.
 */
@Component
@RequiredArgsConstructor
class JobHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(JobHousekeeping.class);
    /** An inline job is looked at once its heartbeat is this old (a job that just started holds its lock anyway). */
    private static final Duration QUIET = Duration.ofSeconds(10);

    private final JobRecords records;
    private final JobRunner runner;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JobProperties properties;
    private final Clock clock;

    @Recurring(name = "platform-orphaned-jobs", fixedDelay = "${realsim.jobs.orphan-check-interval:30s}")
    int failOrphanedInlineJobs() {
        int failed = 0;
        for (long id : records.inlineRunningSince(clock.instant().minus(QUIET))) {
            Boolean free = transaction.execute(
                    status -> jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended('realsim/job/' || ?, 0))")
                            .param(id)
                            .query(Boolean.class)
                            .single());
            if (Boolean.TRUE.equals(free)) {
                records.find(id).ifPresent(job -> {
                    log.warn(
                            "Job {} ({}) ran on an instance that is gone; it is failed",
                            id,
                            job.view().kind());
                    runner.fail(job, runner.handler(job.view().kind()), "job.interrupted", "instance gone");
                });
                failed++;
            }
        }
        return failed;
    }

    @Recurring(name = "platform-finished-jobs", cron = "0 7 4 * * *")
    void forgetFinishedJobs() {
        int deleted = records.deleteFinishedBefore(clock.instant().minus(properties.keepFinished()));
        if (deleted > 0) {
            log.info("{} finished jobs older than {} forgotten", deleted, properties.keepFinished());
        }
    }
}
