package com.realsim.audit;

import com.realsim.platform.TenantScope;

/**
 * The reader's tenant scope over the trail. As everywhere ({@link TenantScope#sqlCondition}), except for an agent: an
 * entry about an enterprise that changed agent (a hand-over, {@code audit_enterprise_holder}) is read by the agent
 * that holds the enterprise now, and no longer by the one that held it when the entry was written; every other entry
 * by the agent it names.
 */
public final class AuditScope {

    private AuditScope() {}

    /** A condition on {@code audit_entry} using {@code :scopeTenant} ({@link TenantScope#sqlParameter()}). */
    public static String condition(TenantScope scope) {
        if (scope.kind() != TenantScope.Kind.AGENT) {
            return scope.sqlCondition("agent_id", "enterprise_id");
        }
        return "(agent_id = :scopeTenant AND NOT EXISTS (SELECT 1 FROM audit_enterprise_holder h"
                + " WHERE h.enterprise_id = audit_entry.enterprise_id AND h.agent_id <> :scopeTenant)"
                + " OR enterprise_id IN (SELECT h.enterprise_id FROM audit_enterprise_holder h"
                + " WHERE h.agent_id = :scopeTenant))";
    }
}
