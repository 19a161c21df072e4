package com.realsim.risk;

import com.realsim.platform.jobs.JobContext;
import com.realsim.platform.jobs.JobHandler;
import com.realsim.platform.jobs.JobView;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * A scan OPS asked for, as a platform job: its subject is the {@code risk_scan} row. A run cut off by the death of its
 * instance is not run again (the next scan finds what it missed); the scan is then marked failed.
 */
@Component
@RequiredArgsConstructor
class RiskScanJob implements JobHandler {

    private final RuleScan scans;

    @Override
    public String kind() {
        return RiskScans.JOB_KIND;
    }

    @Override
    public void run(JobContext job) {
        scans.run(Long.parseLong(job.subject()), done -> job.progress(done, null));
    }

    @Override
    public boolean restartable() {
        return false;
    }

    @Override
    public void failed(JobView job) {
        scans.interrupted(Long.parseLong(job.subject()));
    }
}
