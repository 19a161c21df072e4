package com.realsim.card.events;

import com.realsim.card.CardState;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/**
 * A card from the inventory replaced a customer's card (补换卡) through a completed order: it took the old card's
 * enterprise, state, end user and blocking reasons; the old card was cancelled.
 */
public record CardReplaced(
        Long cardId, String iccid, String oldIccid, Long agentId, Long enterpriseId, CardState state, long orderId)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(
                null,
                agentId,
                enterpriseId,
                "CARD_REPLACED",
                "CARD",
                iccid,
                "SUCCESS",
                Map.of("oldIccid", oldIccid, "state", state.name(), "orderId", orderId));
    }
}
