package com.realsim.platform.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.jobs.JobRecords.Job;
import com.realsim.platform.jobs.JobRecords.Mode;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Long work as jobs that any instance can run and every instance can follow (docs/jobs.md): a job has a kind (its
 * {@link JobHandler}), the module's record it works for, an owner and tenant, a status, progress and, once done,
 * its outcome.
 *
 * <ul>
 *   <li>{@link #start}: queued in the caller's transaction (nothing runs if it rolls back) and run in the background
 *       by whichever instance picks it up; when that instance dies, another one runs it again or fails it, as its
 *       handler says;
 *   <li>{@link #runInline}: run now in the caller's thread (a synchronous API call), yet visible to every instance
 *       while it runs; when this instance dies, another one fails it.
 * </ul>
 */
@Service
public class Jobs {

    private final JobRecords records;
    private final JobInput input;
    private final JobRunner runner;
    private final SchedulerClient client;
    private final OneTimeTask<Void> jobTask;
    private final ClusterScheduler scheduler;
    private final DataSource dataSource;
    private final TransactionTemplate separately;

    Jobs(
            JobRecords records,
            JobInput input,
            JobRunner runner,
            SchedulerClient client,
            OneTimeTask<Void> jobTask,
            ClusterScheduler scheduler,
            DataSource dataSource,
            PlatformTransactionManager transactions) {
        this.records = records;
        this.input = input;
        this.runner = runner;
        this.client = client;
        this.jobTask = jobTask;
        this.scheduler = scheduler;
        this.dataSource = dataSource;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Queues a background job of a kind that has a {@link JobHandler}, in the caller's transaction.
     *
     * @param subject the caller's own record the job works for, given back to the handler ({@link JobContext#subject})
     * @param owner who starts it (the current actor, usually); null for the system
     * @param data what the job reads ({@link JobContext#input}), stored in the database; null for none
     * @return the job's id
     */
    @Transactional
    public long start(String kind, String subject, Actor owner, InputStream data) {
        runner.handler(kind);
        long id = records.insert(kind, subject, Mode.BACKGROUND, JobStatus.QUEUED, owner, null);
        if (data != null) {
            input.store(id, data);
        }
        client.schedule(jobTask.instance(Long.toString(id)), Instant.now());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.lookForDueRuns();
                }
            });
        } else {
            scheduler.lookForDueRuns();
        }
        return id;
    }

    /**
     * Runs a job's work now, in this thread, and answers what the work answers; what it throws is thrown on after the
     * job is marked FAILED. The job is recorded (committed at once) before the work starts, and this instance holds
     * a PostgreSQL session lock on it while it runs: if the instance dies, the lock goes with its connection and
     * another instance fails the job and tells its handler.
     */
    public <T> T runInline(String kind, String subject, Actor owner, Function<JobContext, T> work) {
        runner.handler(kind);
        long id =
                separately.execute(status -> records.insert(kind, subject, Mode.INLINE, JobStatus.QUEUED, owner, null));
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            advisoryLock(lock, "pg_advisory_lock", id);
            try {
                separately.executeWithoutResult(status -> records.started(id, scheduler.node()));
                Job job = records.find(id).orElseThrow();
                return runner.runInline(job, work);
            } finally {
                advisoryLock(lock, "pg_advisory_unlock", id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot hold the lock of job " + id, e);
        }
    }

    /** A job the current actor may see (its tenant's, or any for ADMIN and OPS). */
    public Optional<JobView> find(long id) {
        return records.find(id).map(Job::view).filter(Jobs::visible);
    }

    /** The newest jobs of a kind that the current actor may see. */
    public List<JobView> recent(String kind, int limit) {
        return records.recent(kind, limit).stream().filter(Jobs::visible).toList();
    }

    private static boolean visible(JobView job) {
        return CurrentActor.scope().covers(job.agentId(), job.enterpriseId());
    }

    /** The advisory lock key of a job, the same for every instance. */
    static void advisoryLock(Connection connection, String function, long jobId) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT " + function + "(hashtextextended('realsim/job/' || ?, 0))")) {
            statement.setLong(1, jobId);
            statement.execute();
        }
    }
}
