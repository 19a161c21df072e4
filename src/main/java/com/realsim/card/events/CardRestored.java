package com.realsim.card.events;

import com.realsim.card.CardState;
import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/** A pre-cancelled card was taken out of the cancellation cycle. */
public record CardRestored(Long cardId, String iccid, Long agentId, Long enterpriseId, CardState to, Actor by)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(
                by, agentId, enterpriseId, "CARD_RESTORED", "CARD", iccid, "SUCCESS", Map.of("to", to.name()));
    }
}
