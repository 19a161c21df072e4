package com.realsim.platform.jobs;

/** Where a job is: waiting for an instance, running on one, or done either way. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    public boolean isDone() {
        return this == SUCCEEDED || this == FAILED;
    }
}
