package com.realsim.account;

import java.time.Instant;

/** An agent organisation as other modules and pages see it. */
public record AgentSummary(long id, String name, boolean active, Instant createdAt) {}
