package com.realsim.platform.jobs;

import com.realsim.platform.Actor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.jobs.JobRecords.Job;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs jobs: a background job's run when db-scheduler hands it to this instance, and an inline job in its caller's
 * thread. Decides what happens to a job whose earlier run was cut off (run again or fail it), records the outcome and
 * tells the job's handler when it failed.
 */
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final Map<String, JobHandler> handlers;
    private final JobRecords records;
    private final JobInput input;
    private final JobProperties properties;
    private final TransactionTemplate separately;

    JobRunner(
            List<JobHandler> handlers,
            JobRecords records,
            JobInput input,
            JobProperties properties,
            PlatformTransactionManager transactions) {
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, h -> h));
        this.records = records;
        this.input = input;
        this.properties = properties;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    JobHandler handler(String kind) {
        JobHandler handler = handlers.get(kind);
        if (handler == null) {
            throw new IllegalArgumentException("No JobHandler for the job kind '" + kind + "'");
        }
        return handler;
    }

    /**
     * One run of a background job on this instance.
     *
     * @param shuttingDown whether this instance is stopping (a run cut off by the stop is left to another instance)
     */
    void runBackground(long id, String node, Supplier<Boolean> shuttingDown) {
        Optional<Job> found = records.find(id);
        if (found.isEmpty() || found.get().view().status().isDone()) {
            return;
        }
        Job job = found.get();
        JobHandler handler = handlers.get(job.view().kind());
        if (handler == null) {
            fail(job, null, "job.failed", "no handler for this kind on " + node);
            return;
        }
        if (job.view().status() == JobStatus.RUNNING) {
            if (!handler.restartable() || job.view().attempts() >= properties.maxAttempts()) {
                log.warn(
                        "Job {} ({}) was cut off by the end of its instance and is failed",
                        id,
                        job.view().kind());
                fail(job, handler, "job.interrupted", "cut off " + job.view().attempts() + " times");
                return;
            }
            log.warn(
                    "Job {} ({}) was cut off by the end of its instance; running it again (attempt {})",
                    id,
                    job.view().kind(),
                    job.view().attempts() + 1);
        }
        if (!records.started(id, node)) {
            return;
        }
        Context context = new Context(job, job.view().attempts() + 1, input.open(id));
        try {
            as(job.owner(), () -> {
                handler.run(context);
                return null;
            });
            records.succeeded(id);
            input.delete(id);
        } catch (Exception | Error e) {
            if (Boolean.TRUE.equals(shuttingDown.get())) {
                log.info(
                        "Job {} ({}) stopped with this instance; another instance runs it again",
                        id,
                        job.view().kind());
                throw new JobCutOff(e);
            }
            log.warn("Job {} ({}) failed: {}", id, job.view().kind(), e.toString());
            fail(job, handler, errorKey(e), e.getClass().getSimpleName());
        }
    }

    /** Runs an inline job's work in this thread, as {@link Jobs#runInline} describes. */
    <T> T runInline(Job job, Function<JobContext, T> work) {
        JobHandler handler = handler(job.view().kind());
        try {
            T result = work.apply(new Context(job, 1, InputStream.nullInputStream()));
            separately.executeWithoutResult(status -> records.succeeded(job.id()));
            return result;
        } catch (RuntimeException | Error e) {
            fail(job, handler, errorKey(e), e.getClass().getSimpleName());
            throw e;
        }
    }

    /** Fails a job (unless it is done already) and tells its handler; the job's input is removed. */
    void fail(Job job, JobHandler handler, String errorKey, String detail) {
        boolean failedNow = separately.execute(status -> records.failed(job.id(), errorKey, detail));
        input.delete(job.id());
        if (failedNow && handler != null) {
            try {
                handler.failed(records.find(job.id()).orElseThrow().view());
            } catch (RuntimeException e) {
                log.error(
                        "The handler of job {} ({}) could not record its failure",
                        job.id(),
                        job.view().kind(),
                        e);
            }
        }
    }

    private static String errorKey(Throwable e) {
        if (e instanceof DomainException refused) {
            return refused.fieldProblems().isEmpty()
                    ? refused.messageKey()
                    : refused.fieldProblems().get(0).messageKey();
        }
        return "job.failed";
    }

    private static <T> T as(Actor owner, Callable<T> work) throws Exception {
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        if (owner != null) {
            SecurityContextHolder.getContext().setAuthentication(new JobOwner(owner));
        }
        try {
            return work.call();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private interface Callable<T> {
        T call() throws Exception;
    }

    /** A run stopped by the stop of its instance: thrown to db-scheduler, which runs it again soon. */
    static final class JobCutOff extends RuntimeException {
        JobCutOff(Throwable cause) {
            super(cause);
        }
    }

    private final class Context implements JobContext {

        private final Job job;
        private final int attempt;
        private final InputStream stored;

        Context(Job job, int attempt, InputStream stored) {
            this.job = job;
            this.attempt = attempt;
            this.stored = stored;
        }

        @Override
        public long id() {
            return job.id();
        }

        @Override
        public String subject() {
            return job.view().subject();
        }

        @Override
        public Optional<Actor> owner() {
            return Optional.ofNullable(job.owner());
        }

        @Override
        public int attempt() {
            return attempt;
        }

        @Override
        public InputStream input() {
            return stored;
        }

        @Override
        public String checkpoint() {
            return records.find(job.id()).map(Job::checkpoint).orElse(null);
        }

        @Override
        public void checkpoint(String checkpoint) {
            separately.executeWithoutResult(status -> records.checkpoint(job.id(), checkpoint));
        }

        @Override
        public void progress(long done, Long total) {
            separately.executeWithoutResult(status -> records.progress(job.id(), done, total));
        }
    }
}
