package com.realsim.card.events;

import com.realsim.card.CardState;
import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/** A card left the inventory for an enterprise (TEST or PENDING_ACTIVATION). */
public record CardHandedOver(Long cardId, String iccid, Long agentId, Long enterpriseId, CardState state, Actor by)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(
                by, agentId, enterpriseId, "CARD_HANDED_OVER", "CARD", iccid, "SUCCESS", Map.of("state", state.name()));
    }
}
