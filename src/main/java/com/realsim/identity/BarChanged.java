package com.realsim.identity;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Published when OPS record a bar ({@code BAR_RECORDED}: basis and validity) or a second OPS person lifts it
 * ({@code BAR_LIFTED}: the reason). The subject is masked.
 */
public record BarChanged(
        long barId, BarSubject subjectType, String subject, String action, Map<String, String> details, Actor by)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> facts = new HashMap<>(details);
        facts.put("barredType", subjectType.name());
        facts.put("barred", subject);
        return AuditFacts.by(by, null, null, action, "BAR", barId, "SUCCESS", facts);
    }
}
