package com.realsim.order;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An order completed: its card effects ran in the same transaction. {@code by} is whoever's act completed it (the
 * agent uploading the last document, the OPS user approving a rebind), or null when a verification decision did.
 */
public record OrderCompleted(
        long orderId,
        long agentId,
        long enterpriseId,
        OrderType type,
        int cardCount,
        Long targetEnterpriseId,
        Actor by,
        Instant at)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", type.name());
        details.put("cards", cardCount);
        if (targetEnterpriseId != null) {
            details.put("targetEnterpriseId", targetEnterpriseId);
        }
        return AuditFacts.by(by, agentId, enterpriseId, "ORDER_COMPLETED", "ORDER", orderId, "SUCCESS", details);
    }
}
