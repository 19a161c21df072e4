package com.realsim.card.events;

import com.realsim.card.CardState;
import java.util.Map;

/**
 * A card from the inventory replaced a customer's card (补换卡) through a completed order: it took the old card's
 * enterprise, state, end user and blocking reasons; the old card was cancelled.
 */
public record CardReplaced(
        Long cardId, String iccid, String oldIccid, Long agentId, Long enterpriseId, CardState state, long orderId)
        implements CardEvent {

    @Override
    public Map<String, Object> details() {
        return Map.of("oldIccid", oldIccid, "state", state.name(), "orderId", orderId);
    }
}
