package com.realsim.risk;

import com.realsim.platform.jobs.Recurring;
import com.realsim.verification.VerificationDecided;
import lombok.RequiredArgsConstructor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What moves re-verifications without a person: the deadline job, every minute, each due run once across the
 * instances (db-scheduler, docs/jobs.md), and the decisions of REVERIFICATION cases heard from the verification
 * module (after their transaction, in one of their own, as the system; the registry may deliver twice).
 */
@Component
@RequiredArgsConstructor
class ReverificationDeadlines {

    private final RiskReverifications reverifications;

    @Recurring(name = "risk-reverification-overdue", fixedDelay = "${realsim.risk.overdue-interval:1m}")
    void markOverdue() {
        reverifications.markOverdue();
    }

    @ApplicationModuleListener
    void on(VerificationDecided decided) {
        reverifications.caseDecided(decided);
    }
}
