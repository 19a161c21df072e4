package com.realsim.account;

/** Published when an ADMIN creates an agent organisation. */
public record AgentOrganisationCreated(long agentId, String name) {}
