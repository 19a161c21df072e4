package com.realsim.audit;

import com.realsim.platform.AuditedEvent;
import com.realsim.platform.AuditedEvents;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.stereotype.Component;

/**
 * Writes every {@link AuditedEvent}, from whichever module, to the trail. Listening to the interface works with the
 * JDBC event publication registry: a listener is matched by the event's type, so one publication is stored for this
 * listener per audited event in the publishing transaction, under the event's concrete class; after the commit the
 * entry is appended in a transaction of its own, and a publication whose append failed stays incomplete until
 * {@link AuditRetry} or a restart resubmits it.
 *
 * <p>An {@link AuditedEvents} (the cards of a 10,000-card order) is one publication of its own listener and one
 * {@link AuditTrail#appendAll batch append}.
 *
 * <p>The entry's {@code occurredAt} is the publication's date: the moment the module published the event, inside the
 * transaction that made the change, whenever the append itself happens (after an outage, hours later).
 */
@Component
@RequiredArgsConstructor
class AuditedEventRecorder {

    /** The listener id the registry stores with this listener's publications. */
    static final String LISTENER_ID = "audit.trail";

    /** The listener id of the publications of {@link AuditedEvents}, many facts appended as one batch. */
    static final String BATCH_LISTENER_ID = "audit.trail.batch";

    private static final PublicationTargetIdentifier TARGET = PublicationTargetIdentifier.of(LISTENER_ID);
    private static final PublicationTargetIdentifier BATCH_TARGET = PublicationTargetIdentifier.of(BATCH_LISTENER_ID);

    private final AuditTrail trail;
    private final EventPublicationRepository publications;

    @ApplicationModuleListener(id = LISTENER_ID)
    public void on(AuditedEvent event) {
        trail.append(event.auditFacts(), publishedAt(event, TARGET));
    }

    /** Many facts of one event (the cards of an order): one append of them all, under one lock of the chain. */
    @ApplicationModuleListener(id = BATCH_LISTENER_ID)
    public void on(AuditedEvents event) {
        trail.appendAll(event.auditEntries(), publishedAt(event, BATCH_TARGET));
    }

    /** When the event was published, from its publication for this listener; null when there is none. */
    private Instant publishedAt(Object event, PublicationTargetIdentifier target) {
        return publications
                .findIncompletePublicationsByEventAndTargetIdentifier(event, target)
                .map(EventPublication::getPublicationDate)
                .orElse(null);
    }
}
