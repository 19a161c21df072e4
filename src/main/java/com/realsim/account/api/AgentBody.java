package com.realsim.account.api;

import com.realsim.account.AgentStatus;
import com.realsim.account.AgentSummary;

/** An agent organisation in the Partner API, with its qualification. */
record AgentBody(long id, String name, String uscc, AgentStatus status, String statusReason, boolean active) {

    static AgentBody of(AgentSummary agent) {
        return new AgentBody(
                agent.id(), agent.name(), agent.uscc(), agent.status(), agent.statusReason(), agent.active());
    }
}
