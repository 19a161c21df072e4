package com.realsim.order;

import com.realsim.platform.Actor;
import java.time.Instant;
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
        implements OrderEvent {

    @Override
    public Map<String, Object> details() {
        return targetEnterpriseId == null
                ? Map.of("cards", cardCount)
                : Map.of("cards", cardCount, "targetEnterpriseId", targetEnterpriseId);
    }
}
