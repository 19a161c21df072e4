package com.realsim.card.events;

import com.realsim.card.BlockingReason;
import com.realsim.platform.Actor;
import java.util.Map;

/** A blocking reason was added to a card: it is SUSPENDED (possibly already was, for other reasons). */
public record CardSuspended(
        Long cardId, String iccid, Long agentId, Long enterpriseId, BlockingReason reason, String note, Actor by)
        implements CardEvent {

    @Override
    public Map<String, Object> details() {
        return Map.of("reason", reason.name(), "note", note == null ? "" : note);
    }
}
