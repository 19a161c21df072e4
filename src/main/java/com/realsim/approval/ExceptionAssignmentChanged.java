package com.realsim.approval;

import com.realsim.platform.AuditedEvent;
import com.realsim.platform.Role;
import java.time.Instant;
import java.util.Map;

/**
 * An OPS user claimed a pending request to work on it ({@code EXCEPTION_CLAIMED}) or gave it back to the queue
 * ({@code EXCEPTION_RELEASED}); {@code assignee} is who held it before a release, or who holds it after a claim.
 */
public record ExceptionAssignmentChanged(
        long exceptionId,
        String action,
        String by,
        Role role,
        String assignee,
        Instant at,
        Long agentId,
        Long enterpriseId)
        implements AuditedEvent {

    public static final String CLAIMED = "EXCEPTION_CLAIMED";
    public static final String RELEASED = "EXCEPTION_RELEASED";

    @Override
    public AuditFacts auditFacts() {
        return new AuditFacts(
                by,
                role,
                agentId,
                enterpriseId,
                action,
                "EXCEPTION",
                String.valueOf(exceptionId),
                "SUCCESS",
                Map.of("assignee", assignee, "at", at.toString()));
    }
}
