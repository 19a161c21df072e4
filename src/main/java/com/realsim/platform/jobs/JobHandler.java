package com.realsim.platform.jobs;

/**
 * One kind of long work, run as a job (see {@link Jobs} and docs/jobs.md): a bean per kind, in the module that owns
 * the work. {@link #run} is called on whichever instance picks the job up, outside any transaction, with the job's
 * owner as the current actor.
 */
public interface JobHandler {

    /** The kind's stable name, stored with every job of this kind: lower case words joined by dashes. */
    String kind();

    /**
     * Does the work. Report progress and, for work that can resume, a checkpoint through the context; both are
     * committed at once. A run that returns has SUCCEEDED; a run that throws has FAILED (a {@code DomainException}
     * gives its message key as the job's error) and {@link #failed} is called.
     */
    void run(JobContext job) throws Exception;

    /**
     * Whether a run cut off by the death of its instance is run again by another instance (from the last
     * {@link JobContext#checkpoint()}, or from the start when it keeps none), up to {@code realsim.jobs.max-attempts}
     * times; when false, such a job is failed with {@code job.interrupted} instead.
     */
    default boolean restartable() {
        return true;
    }

    /**
     * Called once when a job of this kind ends FAILED, on the instance that finds out (the one whose run threw, or
     * the one that finds the job's instance dead): the place to mark the module's own record as failed.
     */
    default void failed(JobView job) {}
}
