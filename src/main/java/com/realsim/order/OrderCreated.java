package com.realsim.order;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
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
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(
                by,
                agentId,
                enterpriseId,
                "ORDER_CREATED",
                "ORDER",
                orderId,
                "SUCCESS",
                Map.of(
                        "type", type.name(),
                        "cards", cardCount,
                        "handler", handlerNameMasked,
                        "handlerIdNumber", handlerIdNumberMasked));
    }
}
