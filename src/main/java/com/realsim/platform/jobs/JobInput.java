package com.realsim.platform.jobs;

import com.realsim.platform.db.SealedParts;
import java.io.InputStream;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The input of a background job (an uploaded file) in the database, so that any instance can run the job: {@link
 * SealedParts} in {@code platform_job_input}, bound to the job.
 */
@Component
@RequiredArgsConstructor
class JobInput {

    private static final SealedParts.Table TABLE =
            new SealedParts.Table("platform_job_input", "job_id", "realsim/job-input");

    private final SealedParts parts;

    /** Stores the whole stream in the caller's transaction and answers its length in bytes. */
    long store(long jobId, InputStream input) {
        return parts.store(TABLE, jobId, input);
    }

    /** The stored input from its beginning, one part in memory at a time. */
    InputStream open(long jobId) {
        return parts.reader(TABLE, jobId);
    }

    void delete(long jobId) {
        parts.delete(TABLE, jobId);
    }
}
