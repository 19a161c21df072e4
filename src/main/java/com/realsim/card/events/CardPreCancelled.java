package com.realsim.card.events;

import com.realsim.card.CardState;
import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/** A card entered the cancellation cycle (预销户). */
public record CardPreCancelled(Long cardId, String iccid, Long agentId, Long enterpriseId, CardState from, Actor by)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(
                by, agentId, enterpriseId, "CARD_PRE_CANCELLED", "CARD", iccid, "SUCCESS", Map.of("from", from.name()));
    }
}
