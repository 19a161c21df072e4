package com.realsim.account;

import java.util.List;

/** An agent organisation and the history of its qualification, newest first. */
public record AgentDetails(AgentSummary agent, List<AgentSummary.StatusChange> history) {}
