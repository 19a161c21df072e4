package com.realsim.card.events;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/** A card's real-name was complete and it became ACTIVE. */
public record CardActivated(Long cardId, String iccid, Long agentId, Long enterpriseId, String requirement, Actor by)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(
                by,
                agentId,
                enterpriseId,
                "CARD_ACTIVATED",
                "CARD",
                iccid,
                "SUCCESS",
                Map.of("requirement", requirement));
    }
}
