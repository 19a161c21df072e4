package com.realsim.audit;

import com.realsim.platform.AuditedEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes every {@link AuditedEvent}, from whichever module, to the trail. Listening to the interface works with the
 * JDBC event publication registry: a listener is matched by the event's type, so one publication is stored for this
 * listener per audited event in the publishing transaction, under the event's concrete class; after the commit the
 * entry is appended in a transaction of its own, and a publication whose append failed stays incomplete until
 * {@link AuditRetry} or a restart resubmits it.
 */
@Component
class AuditedEventRecorder {

    /** The listener id the registry stores with this listener's publications. */
    static final String LISTENER_ID = "audit.trail";

    private final AuditTrail trail;

    AuditedEventRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener(id = LISTENER_ID)
    public void on(AuditedEvent event) {
        trail.append(event.auditFacts());
    }
}
