package com.realsim.platform.jobs;

import com.realsim.platform.Actor;
import java.io.InputStream;
import java.util.Optional;

/** What a running job knows about itself, and how it reports progress. */
public interface JobContext {

    long id();

    /** The starting module's own record the job works for, as given to {@link Jobs#start}. */
    String subject();

    /** Who started the job; empty for a job the system started. */
    Optional<Actor> owner();

    /** 1 on the first run; more when an earlier run was cut off by the death of its instance. */
    int attempt();

    /** The input stored with the job, from its beginning, read part by part from the database; empty when none. */
    InputStream input();

    /** Where an earlier run of this job got to ({@link #checkpoint(String)}); null when none did. */
    String checkpoint();

    /** Records how far the work got, committed at once: a restarted run starts from here. */
    void checkpoint(String checkpoint);

    /** Records progress (and renews the job's heartbeat), committed at once. */
    void progress(long done, Long total);
}
