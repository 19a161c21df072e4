package com.realsim.card.events;

import com.realsim.card.BlockingReason;
import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/** A blocking reason was added to a card: it is SUSPENDED (possibly already was, for other reasons). */
public record CardSuspended(
        Long cardId, String iccid, Long agentId, Long enterpriseId, BlockingReason reason, String note, Actor by)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(
                by, agentId, enterpriseId, "CARD_SUSPENDED", "CARD", iccid, "SUCCESS", details(reason, note));
    }

    private static Map<String, Object> details(BlockingReason reason, String note) {
        return Map.of("reason", reason.name(), "note", note == null ? "" : note);
    }
}
