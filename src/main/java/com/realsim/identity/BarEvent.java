package com.realsim.identity;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.HashMap;
import java.util.Map;

/** An audited change of a bar: the bar is the target ({@code BAR}), its subject (masked) and type the details. */
public interface BarEvent extends AuditedEvent {

    long barId();

    BarSubject subjectType();

    /** Masked for a person. */
    String subject();

    Actor by();

    /** The trail's action, e.g. {@code BAR_RECORDED}. */
    String action();

    /** What else the event records. */
    Map<String, Object> more();

    @Override
    default AuditFacts auditFacts() {
        Map<String, Object> details = new HashMap<>(more());
        details.put("subjectType", subjectType().name());
        details.put("subject", subject());
        return AuditFacts.by(by(), null, null, action(), "BAR", barId(), "SUCCESS", details);
    }
}
