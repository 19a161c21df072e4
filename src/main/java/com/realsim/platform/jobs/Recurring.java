package com.realsim.platform.jobs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a bean's method as a recurring job: each due run once across every instance on the database (db-scheduler
 * picks it on one instance; see docs/jobs.md). The method takes no arguments; what it answers is ignored. Exactly
 * one of {@link #cron} and {@link #fixedDelay} is given; both accept {@code ${...}} placeholders.
 *
 * <p>Spring's {@code @Scheduled} runs on every instance and is not used in this application ({@code
 * BackgroundWorkTest} fails on one).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Recurring {

    /**
     * The job's name in the database, unique and stable: {@code <module>-<what>}. Renaming it leaves the old name's
     * row behind until db-scheduler removes unknown tasks.
     */
    String name();

    /** Six fields (second minute hour day month weekday), in {@link #zone}. */
    String cron() default "";

    /** The zone of {@link #cron}; Beijing time, as staff plan their day. */
    String zone() default "Asia/Shanghai";

    /** The time between the end of one run and the start of the next ({@code PT1H} or {@code 1h}). */
    String fixedDelay() default "";

    /** With {@link #fixedDelay}: how long after the first start of the application the first run is due. */
    String initialDelay() default "";
}
