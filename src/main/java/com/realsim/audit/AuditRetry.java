package com.realsim.audit;

import com.realsim.platform.jobs.Recurring;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;

/**
 * Resubmits audited events whose append failed (the database was unreachable, say): the registry keeps them as
 * failed publications, and this job hands them to {@link AuditedEventRecorder} again every
 * {@code realsim.audit.retry-interval}, once they are {@code realsim.audit.retry-min-age} old. Only the audit
 * listener's publications are touched; other modules decide about their own. The registry claims each publication
 * before resubmitting it, so two instances do not both retry one.
 */
@Component
class AuditRetry {

    private final FailedEventPublications failed;
    private final Duration minAge;

    AuditRetry(FailedEventPublications failed, @Value("${realsim.audit.retry-min-age:1m}") Duration minAge) {
        this.failed = failed;
        this.minAge = minAge;
    }

    @Recurring(
            name = "audit-retry",
            initialDelay = "${realsim.audit.retry-interval:1m}",
            fixedDelay = "${realsim.audit.retry-interval:1m}")
    void resubmitFailedAppends() {
        resubmitFailedAppends(minAge);
    }

    void resubmitFailedAppends(Duration olderThan) {
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(olderThan).withFilter(AuditRetry::isAppend));
    }

    static boolean isAppend(EventPublication publication) {
        return publication instanceof TargetEventPublication target
                && (AuditedEventRecorder.LISTENER_ID.equals(
                                target.getTargetIdentifier().getValue())
                        || AuditedEventRecorder.BATCH_LISTENER_ID.equals(
                                target.getTargetIdentifier().getValue()));
    }
}
