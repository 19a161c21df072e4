package com.realsim.order;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An audited event about one order: the order is the entry's target, its agent and enterprise the trail's readers,
 * and every entry names the order's type. The action is the event's name ({@code OrderCreated} is {@code
 * ORDER_CREATED}); an event adds its own details and, where it is not a plain success, its outcome.
 */
public interface OrderEvent extends AuditedEvent {

    long orderId();

    long agentId();

    long enterpriseId();

    OrderType type();

    /** Whoever acted; null when the system did (a verification decision completed the order). */
    Actor by();

    /** The details beyond the order's type; masked values only. */
    default Map<String, Object> details() {
        return Map.of();
    }

    default String outcome() {
        return "SUCCESS";
    }

    @Override
    default AuditFacts auditFacts() {
        String action = "ORDER_"
                + getClass().getSimpleName().substring("Order".length()).toUpperCase(Locale.ROOT);
        Map<String, Object> details = new LinkedHashMap<>(details());
        details.put("type", type().name());
        return AuditFacts.by(by(), agentId(), enterpriseId(), action, "ORDER", orderId(), outcome(), details);
    }
}
