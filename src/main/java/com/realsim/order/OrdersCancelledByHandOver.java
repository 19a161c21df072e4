package com.realsim.order;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent.AuditFacts;
import com.realsim.platform.AuditedEvents;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open orders of enterprises that were handed over to another agent, cancelled with the hand-over's reason: one
 * publication, and in the trail one {@code ORDER_CANCELLED} entry per order (read by the agent that holds the order
 * now), appended as one batch.
 */
public record OrdersCancelledByHandOver(
        long fromAgentId, long toAgentId, String reason, Actor by, Instant at, List<Cancelled> orders)
        implements AuditedEvents {

    /** One order cancelled. */
    public record Cancelled(long orderId, long enterpriseId, OrderType type) {}

    public OrdersCancelledByHandOver {
        orders = List.copyOf(orders);
    }

    @Override
    public List<AuditFacts> auditEntries() {
        return orders.stream()
                .map(order -> {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("type", order.type().name());
                    details.put("reason", reason);
                    details.put("handOverFromAgentId", fromAgentId);
                    return AuditFacts.by(
                            by,
                            toAgentId,
                            order.enterpriseId(),
                            "ORDER_CANCELLED",
                            "ORDER",
                            order.orderId(),
                            "SUCCESS",
                            details);
                })
                .toList();
    }
}
