package com.realsim.card.events;

import com.realsim.card.BlockingReason;
import com.realsim.platform.Actor;
import java.util.Map;

/** A blocking reason of a card was cleared; {@code resumed} says whether that emptied the stack. */
public record CardBlockingReasonCleared(
        Long cardId,
        String iccid,
        Long agentId,
        Long enterpriseId,
        BlockingReason reason,
        String note,
        boolean resumed,
        Actor by)
        implements CardEvent {

    @Override
    public Map<String, Object> details() {
        return Map.of("reason", reason.name(), "note", note == null ? "" : note, "resumed", resumed);
    }
}
