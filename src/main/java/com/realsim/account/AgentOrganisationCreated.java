package com.realsim.account;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/**
 * Published when an ADMIN creates an agent organisation.
 *
 * @param by who created it, null for the system (demo data)
 */
public record AgentOrganisationCreated(long agentId, String name, Actor by) implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(by, agentId, null, "AGENT_CREATED", "AGENT", agentId, "SUCCESS", Map.of("name", name));
    }
}
