package com.realsim.order;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.time.Instant;
import java.util.Map;

/** The agent withdrew an open order; its cards are free for another order. */
public record OrderCancelled(long orderId, long agentId, long enterpriseId, OrderType type, Actor by, Instant at)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(
                by, agentId, enterpriseId, "ORDER_CANCELLED", "ORDER", orderId, "SUCCESS", Map.of("type", type.name()));
    }
}
