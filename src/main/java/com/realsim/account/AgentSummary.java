package com.realsim.account;

import java.time.Instant;

/** An agent organisation as other modules and pages see it. */
public record AgentSummary(
        long id,
        String name,
        String uscc,
        AgentStatus status,
        String statusReason,
        Instant statusChangedAt,
        Instant createdAt) {

    public boolean active() {
        return status == AgentStatus.ACTIVE;
    }

    /** One change of the agent's qualification, for its page. */
    public record StatusChange(AgentStatus from, AgentStatus to, String reason, String by, Instant at) {}
}
