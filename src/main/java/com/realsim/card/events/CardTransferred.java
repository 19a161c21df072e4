package com.realsim.card.events;

import com.realsim.platform.AuditedEvent;
import java.util.Map;

/**
 * A card changed owner (过户) to another enterprise of the same agent through a completed order. Its end user's
 * binding ended with it. The audit entry belongs to the new owner.
 */
public record CardTransferred(
        Long cardId, String iccid, Long agentId, Long fromEnterpriseId, Long toEnterpriseId, long orderId)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(
                null,
                agentId,
                toEnterpriseId,
                "CARD_TRANSFERRED",
                "CARD",
                iccid,
                "SUCCESS",
                Map.of("fromEnterpriseId", fromEnterpriseId, "toEnterpriseId", toEnterpriseId, "orderId", orderId));
    }
}
