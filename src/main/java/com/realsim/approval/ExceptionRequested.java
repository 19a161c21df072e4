package com.realsim.approval;

import com.realsim.platform.AuditedEvent;
import com.realsim.platform.Role;
import java.time.Instant;
import java.util.Map;

/** An agent asked for an exception to a card's end-user real-name requirement. */
public record ExceptionRequested(
        long exceptionId,
        long cardId,
        String iccid,
        ExceptionKind kind,
        String requirementCode,
        String reason,
        String requestedBy,
        Role requesterRole,
        Instant requestedAt,
        Long agentId,
        Long enterpriseId)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return new AuditFacts(
                requestedBy,
                requesterRole,
                agentId,
                enterpriseId,
                "EXCEPTION_REQUESTED",
                "EXCEPTION",
                String.valueOf(exceptionId),
                "SUCCESS",
                Map.of(
                        "cardId", cardId,
                        "iccid", iccid,
                        "kind", kind.name(),
                        "requirement", requirementCode,
                        "reason", reason));
    }
}
