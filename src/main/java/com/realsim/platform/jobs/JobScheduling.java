package com.realsim.platform.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * db-scheduler, wired by hand (its Spring Boot starter targets Boot 3): the one-time task that runs every job, the
 * recurring tasks of the {@link Recurring} methods, the client that queues jobs in the caller's transaction, and this
 * instance's {@link ClusterScheduler}.
 */
@Configuration(proxyBeanMethods = false)
class JobScheduling {

    /** The db-scheduler task of every one-time job; its instance id is the job's id. */
    static final String JOB_TASK = "realsim-job";

    /** How soon a run cut off by its instance's stop is due again. */
    static final java.time.Duration AFTER_A_STOP = java.time.Duration.ofSeconds(5);

    @Bean
    static RecurringJobs recurringJobs() {
        return new RecurringJobs();
    }

    @Bean
    JobRunner jobRunner(
            List<JobHandler> handlers,
            JobRecords records,
            JobInput input,
            JobProperties properties,
            PlatformTransactionManager transactions) {
        return new JobRunner(handlers, records, input, properties, transactions);
    }

    /**
     * A run that ends by throwing (only a run cut off by its instance's stop does: the runner records every other
     * outcome itself) is due again soon; a run whose instance died is revived by db-scheduler's dead-execution
     * detection, and the runner then decides whether it runs again.
     */
    @Bean
    OneTimeTask<Void> jobTask(JobRunner runner, ObjectProvider<ClusterScheduler> scheduler) {
        return Tasks.oneTime(JOB_TASK)
                .onFailure((complete, operations) ->
                        operations.reschedule(complete, Instant.now().plus(AFTER_A_STOP)))
                .execute((instance, context) -> runner.runBackground(
                        Long.parseLong(instance.getId()),
                        scheduler.getObject().node(),
                        () -> context.getSchedulerState().isShuttingDown()));
    }

    /** Queues jobs in the caller's transaction: the proxy hands db-scheduler the transaction's connection. */
    @Bean
    SchedulerClient jobClient(DataSource dataSource, OneTimeTask<Void> jobTask) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), jobTask)
                .build();
    }

    @Bean
    ClusterScheduler clusterScheduler(
            DataSource dataSource, OneTimeTask<Void> jobTask, RecurringJobs recurring, JobProperties properties) {
        return new ClusterScheduler(dataSource, jobTask, recurring, properties);
    }
}
