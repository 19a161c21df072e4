package com.realsim.approval;

import com.realsim.platform.AuditedEvent;
import com.realsim.platform.Role;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OPS approved an exception: the card's end-user real-name requirement is satisfied by this approval. The card module
 * listens to it and records the waiver.
 *
 * @param approvedBy the approver's name (username or API client id)
 * @param approverRole the approver's role (OPS)
 * @param agentId the agent organisation the request belongs to
 * @param enterpriseId the card's enterprise, if it has one
 * @param reason the approver's note, if any
 */
public record ExceptionApproved(
        long exceptionId,
        long cardId,
        String iccid,
        ExceptionKind kind,
        String approvedBy,
        Instant approvedAt,
        Role approverRole,
        Long agentId,
        Long enterpriseId,
        String reason)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cardId", cardId);
        details.put("iccid", iccid);
        details.put("kind", kind.name());
        if (reason != null) {
            details.put("reason", reason);
        }
        return new AuditFacts(
                approvedBy,
                approverRole,
                agentId,
                enterpriseId,
                "EXCEPTION_APPROVED",
                "EXCEPTION",
                String.valueOf(exceptionId),
                "APPROVED",
                details);
    }
}
