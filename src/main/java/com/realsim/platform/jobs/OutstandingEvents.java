package com.realsim.platform.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Finishes the work a stopped instance left behind: event publications whose listener never finished (the process
 * was killed, the database went away mid-way) are handed to their listeners again, in the background, once across
 * instances, soon after a start and then every {@code realsim.events.republish-interval}.
 *
 * <p>This replaces Spring Modulith's {@code spring.modulith.events.republish-outstanding-events-on-restart}, which
 * ran every outstanding publication in the starting thread before the web server listened (a restart after a kill
 * in a 10,000-card order answered its health check only after 90 s) and on every instance at once, so two instances
 * could both run one publication. Only publications older than {@code realsim.events.republish-after} are taken:
 * younger ones may still be running on a live instance. Failed publications (the listener threw) are left to the
 * modules' own retries ({@code AuditRetry}).
 */
@Component
class OutstandingEvents {

    private static final Set<EventPublication.Status> INTERRUPTED = Set.of(
            EventPublication.Status.PUBLISHED, EventPublication.Status.PROCESSING, EventPublication.Status.RESUBMITTED);

    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final Duration minAge;

    OutstandingEvents(
            IncompleteEventPublications incomplete,
            Clock clock,
            @Value("${realsim.events.republish-after:2m}") Duration minAge) {
        this.incomplete = incomplete;
        this.clock = clock;
        this.minAge = minAge;
    }

    @Recurring(
            name = "platform-outstanding-events",
            initialDelay = "0s",
            fixedDelay = "${realsim.events.republish-interval:1m}")
    void republish() {
        Instant before = clock.instant().minus(minAge);
        // resubmitIncompletePublications(ResubmissionOptions) takes FAILED publications only; the predicate form
        // takes every incomplete one, so the interrupted ones (left PUBLISHED or PROCESSING) are chosen here
        incomplete.resubmitIncompletePublications(publication -> INTERRUPTED.contains(publication.getStatus())
                && lastTouched(publication).isBefore(before));
    }

    private static Instant lastTouched(EventPublication publication) {
        Instant resubmitted = publication.getLastResubmissionDate();
        return resubmitted == null || resubmitted.isBefore(publication.getPublicationDate())
                ? publication.getPublicationDate()
                : resubmitted;
    }
}
