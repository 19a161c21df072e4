package com.realsim.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * This instance's db-scheduler: polls {@code scheduled_tasks} for due runs of recurring jobs and one-time jobs and
 * executes them, renewing their heartbeats. Started once the application is ready (every bean and every
 * {@link Recurring} method known, the schema migrated), stopped first when the application stops, before anything
 * it uses: runs still going after {@code realsim.jobs.shutdown-max-wait} are left to another instance.
 */
class ClusterScheduler implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ClusterScheduler.class);

    private final DataSource dataSource;
    private final OneTimeTask<Void> jobTask;
    private final RecurringJobs recurring;
    private final JobProperties properties;
    private final String node;
    private volatile Scheduler scheduler;
    /** Whether the application was ready once: from then on a restart of the lifecycle starts polling again. */
    private volatile boolean ready;

    ClusterScheduler(
            DataSource dataSource, OneTimeTask<Void> jobTask, RecurringJobs recurring, JobProperties properties) {
        this.dataSource = dataSource;
        this.jobTask = jobTask;
        this.recurring = recurring;
        this.properties = properties;
        this.node = nodeName();
    }

    /** This instance's name in {@code scheduled_tasks.picked_by} and {@code platform_job.run_by}. */
    String node() {
        return node;
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
        ready = true;
        startPolling();
    }

    private synchronized void startPolling() {
        if (scheduler != null) {
            return;
        }
        // startTasks adds the recurring tasks to the known ones and schedules each unless it is already
        scheduler = Scheduler.create(dataSource, List.<Task<?>>of(jobTask))
                .startTasks(recurring.tasks())
                .schedulerName(new SchedulerName.Fixed(node))
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeatsLimit())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .pollUsingLockAndFetch(0.5, 1.0)
                .enableImmediateExecution()
                .build();
        scheduler.start();
        log.info(
                "Background jobs: {} recurring, polling every {} as {}",
                recurring.tasks().size(),
                properties.pollingInterval(),
                node);
    }

    /** Asks for due runs now rather than at the next poll (a job was just started here). */
    void lookForDueRuns() {
        Scheduler running = scheduler;
        if (running != null) {
            running.triggerCheckForDueExecutions();
        }
    }

    @Override
    public void start() {
        // first started by the ApplicationReadyEvent (jobs wait for a ready application); after a stop (a paused
        // context, a restarted lifecycle) at once, with a new db-scheduler (a stopped one does not start again)
        if (ready) {
            startPolling();
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE; // stops before the web server and everything else
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(random);
    }
}
