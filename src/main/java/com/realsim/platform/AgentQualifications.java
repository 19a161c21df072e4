package com.realsim.platform;

/**
 * Whether an agent organisation may change anything: asked for every state-changing request of an AGENT actor, by
 * the one check every write path passes ({@code platform.security.QualifiedAgentsOnly}). Answers false for a
 * SUSPENDED or REVOKED agent; a change made on one instance is seen by the others within
 * {@code realsim.agents.qualification-check-ttl} (1 s).
 */
public interface AgentQualifications {

    boolean mayChange(long agentId);
}
