package com.realsim.account;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/** Published when an agent is suspended, reinstated or revoked; the action says which. */
public record AgentQualificationChanged(
        long agentId, String name, AgentStatus from, AgentStatus to, String reason, Actor by) implements AuditedEvent {

    public String action() {
        return switch (to) {
            case SUSPENDED -> "AGENT_SUSPENDED";
            case ACTIVE -> "AGENT_REINSTATED";
            case REVOKED -> "AGENT_REVOKED";
        };
    }

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(
                by,
                agentId,
                null,
                action(),
                "AGENT",
                agentId,
                "SUCCESS",
                Map.of("name", name, "fromStatus", from.name(), "toStatus", to.name(), "reason", reason));
    }
}
