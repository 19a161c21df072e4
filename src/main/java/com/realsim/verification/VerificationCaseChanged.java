package com.realsim.verification;

import com.realsim.platform.AuditedEvent;
import com.realsim.platform.Role;
import java.util.Map;

/**
 * Something happened to a verification case: opened, claimed, released, approved, rejected. For the audit trail;
 * {@code details} hold masked values only.
 *
 * @param actor the actor's name, {@code system}, or {@code self-service:<link id>} for an end user's own submission
 * @param role the actor's role; null for the system and end users
 */
public record VerificationCaseChanged(
        String actor,
        Role role,
        long caseId,
        long agentId,
        Long enterpriseId,
        String action,
        String outcome,
        Map<String, Object> details)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return new AuditFacts(
                actor, role, agentId, enterpriseId, action, "VERIFICATION", String.valueOf(caseId), outcome, details);
    }
}
