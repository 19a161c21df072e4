package com.realsim.order;

import com.realsim.platform.Actor;
import java.time.Instant;
import java.util.Map;

/**
 * An order was rejected: its comparison or its OPS decision said no, or the card module refused the order's effects.
 * {@code reason} is the reviewer's text or the refusal's arguments (ICCIDs, codes), never personal data.
 */
public record OrderRejected(
        long orderId, long agentId, long enterpriseId, OrderType type, String code, String reason, Actor by, Instant at)
        implements OrderEvent {

    @Override
    public String outcome() {
        return "REJECTED";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("code", code, "reason", reason);
    }
}
