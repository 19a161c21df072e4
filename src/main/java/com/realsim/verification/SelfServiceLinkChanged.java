package com.realsim.verification;

import com.realsim.platform.AuditedEvent;
import com.realsim.platform.Role;
import java.util.Map;

/**
 * A self-service link was issued or used. For the audit trail, as target {@code VERIFICATION} with target id
 * {@code LINK-<id>}; never the token.
 */
public record SelfServiceLinkChanged(
        String actor,
        Role role,
        long linkId,
        long agentId,
        Long enterpriseId,
        String action,
        Map<String, Object> details)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return new AuditFacts(
                actor, role, agentId, enterpriseId, action, "VERIFICATION", "LINK-" + linkId, "SUCCESS", details);
    }
}
