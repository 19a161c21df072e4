package com.realsim.platform.jobs;

import java.time.Instant;

/**
 * A job as its owner and the module that started it see it.
 *
 * @param subject the starting module's own record this job works for (a card import's id, a key's name), if any
 * @param progress how much is done, in the job's own unit (bytes, rows); {@code total} is the end of that scale when
 *     known
 * @param attempts how many times a run was started; more than one when an instance running it died
 * @param errorKey a message key saying why a FAILED job failed ({@code job.interrupted}, {@code job.failed} or the
 *     key of the domain rule that refused it)
 */
public record JobView(
        long id,
        String kind,
        String subject,
        JobStatus status,
        long progress,
        Long total,
        int attempts,
        String errorKey,
        String ownerName,
        Long agentId,
        Long enterpriseId,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {}
