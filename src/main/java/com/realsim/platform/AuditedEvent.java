package com.realsim.platform;

import java.util.Map;

/**
 * An event that belongs in the append-only audit trail. Modules publish their past-tense events as usual; those
 * that implement this interface are written to the trail by the audit module, which no module depends on.
 * {@link #auditFacts()} must hold masked values only: the trail is readable by OPS and by the tenant.
 */
public interface AuditedEvent {

    AuditFacts auditFacts();

    /**
     * @param actor who did it ({@link Actor#name()}, or {@code "system"})
     * @param role the actor's role, or null for the system
     * @param agentId the agent organisation the target belongs to, if any (for tenant-scoped reading)
     * @param enterpriseId the enterprise the target belongs to, if any
     * @param action a verb in upper case, e.g. {@code ENTERPRISE_SUBMITTED}, {@code PERSONAL_DATA_UNMASKED}
     * @param targetType one of ENTERPRISE, CARD, ORDER, VERIFICATION, EXCEPTION, API_CLIENT, USER, AGENT, DOCUMENT
     * @param outcome SUCCESS, REFUSED, APPROVED, REJECTED …
     * @param details masked before/after values, reasons; never clear personal data
     */
    record AuditFacts(
            String actor,
            Role role,
            Long agentId,
            Long enterpriseId,
            String action,
            String targetType,
            String targetId,
            String outcome,
            Map<String, Object> details) {

        public AuditFacts {
            details = details == null ? Map.of() : Map.copyOf(details);
        }

        /** Facts for an act of the given actor. */
        public static AuditFacts by(
                Actor actor,
                Long agentId,
                Long enterpriseId,
                String action,
                String targetType,
                Object targetId,
                String outcome,
                Map<String, Object> details) {
            return new AuditFacts(
                    actor == null ? "system" : actor.name(),
                    actor == null ? null : actor.role(),
                    agentId,
                    enterpriseId,
                    action,
                    targetType,
                    String.valueOf(targetId),
                    outcome,
                    details);
        }

        /**
         * Facts for a successful act on what no tenant owns (the service plans, the operators' limits, the real-name
         * policy, the card inventory): no agent or enterprise, so only OPS and ADMIN read the entry.
         */
        public static AuditFacts ofPlatform(
                Actor actor, String action, String targetType, Object targetId, Map<String, Object> details) {
            return by(actor, null, null, action, targetType, targetId, "SUCCESS", details);
        }
    }
}
