package com.realsim.card.events;

import java.util.Map;

/**
 * A card changed owner (过户) to another enterprise of the same agent through a completed order. Its end user's
 * binding ended with it. The audit entry belongs to the new owner.
 */
public record CardTransferred(
        Long cardId, String iccid, Long agentId, Long fromEnterpriseId, Long toEnterpriseId, long orderId)
        implements CardEvent {

    /** The entry belongs to the new owner. */
    @Override
    public Long enterpriseId() {
        return toEnterpriseId;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("fromEnterpriseId", fromEnterpriseId, "toEnterpriseId", toEnterpriseId, "orderId", orderId);
    }
}
