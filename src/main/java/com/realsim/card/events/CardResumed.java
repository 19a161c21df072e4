package com.realsim.card.events;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/** A card's last blocking reason was cleared: it is ACTIVE again. */
public record CardResumed(Long cardId, String iccid, Long agentId, Long enterpriseId, Actor by)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(by, agentId, enterpriseId, "CARD_RESUMED", "CARD", iccid, "SUCCESS", Map.of());
    }
}
