package com.realsim.enterprise;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/**
 * Something happened to an enterprise's record: drafted, corrected, submitted, verified, rejected, a change requested
 * or applied. For the audit trail; {@code details} hold masked values only.
 */
public record EnterpriseChanged(
        Actor by, long enterpriseId, long agentId, String action, String outcome, Map<String, Object> details)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(by, agentId, enterpriseId, action, "ENTERPRISE", enterpriseId, outcome, details);
    }
}
