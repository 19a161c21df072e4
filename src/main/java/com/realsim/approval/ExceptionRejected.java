package com.realsim.approval;

import com.realsim.platform.AuditedEvent;
import com.realsim.platform.Role;
import java.time.Instant;
import java.util.Map;

/** OPS rejected an exception request, saying why; the card's end-user real-name requirement stands. */
public record ExceptionRejected(
        long exceptionId,
        long cardId,
        String iccid,
        ExceptionKind kind,
        String rejectedBy,
        Instant rejectedAt,
        String reason,
        Role rejecterRole,
        Long agentId,
        Long enterpriseId)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return new AuditFacts(
                rejectedBy,
                rejecterRole,
                agentId,
                enterpriseId,
                "EXCEPTION_REJECTED",
                "EXCEPTION",
                String.valueOf(exceptionId),
                "REJECTED",
                Map.of("cardId", cardId, "iccid", iccid, "kind", kind.name(), "reason", reason));
    }
}
