package com.realsim.platform.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code realsim.jobs.*}: how often an instance looks for due work, how it shows it is alive while it runs a job and
 * when another instance takes a job over, and how long finished jobs are kept.
 *
 * @param pollingInterval how often each instance asks the database for due runs (a job started on this instance is
 *     looked for at once)
 * @param heartbeatInterval how often an instance renews the heartbeat of the runs it executes
 * @param missedHeartbeatsLimit after this many missed heartbeats a run is dead and another instance takes it over
 * @param threads how many runs one instance executes at once
 * @param shutdownMaxWait how long a stop waits for running jobs before leaving them to another instance
 * @param maxAttempts how many runs a job cut off by dead instances gets before it is failed
 * @param keepFinished how long finished jobs are kept
 */
@ConfigurationProperties("realsim.jobs")
record JobProperties(
        @DefaultValue("5s") Duration pollingInterval,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("6") int missedHeartbeatsLimit,
        @DefaultValue("4") int threads,
        @DefaultValue("2s") Duration shutdownMaxWait,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("30d") Duration keepFinished) {}
