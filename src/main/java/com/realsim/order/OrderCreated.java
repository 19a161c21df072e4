package com.realsim.order;

import com.realsim.platform.Actor;
import java.util.Map;

/** An agent submitted an order. Audited with the handler masked. */
public record OrderCreated(
        long orderId,
        long agentId,
        long enterpriseId,
        OrderType type,
        int cardCount,
        String handlerNameMasked,
        String handlerIdNumberMasked,
        Actor by)
        implements OrderEvent {

    @Override
    public Map<String, Object> details() {
        return Map.of("cards", cardCount, "handler", handlerNameMasked, "handlerIdNumber", handlerIdNumberMasked);
    }
}
