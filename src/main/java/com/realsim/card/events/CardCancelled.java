package com.realsim.card.events;

import com.realsim.card.CardState;
import com.realsim.catalogue.Operator;
import com.realsim.platform.Actor;
import java.util.Map;

/** A card was cancelled (销户, final). Whoever holds a quota slot for its end user releases it in the same transaction. */
public record CardCancelled(
        Long cardId,
        String iccid,
        Operator operator,
        Long agentId,
        Long enterpriseId,
        CardState from,
        String note,
        Actor by)
        implements CardEvent {

    @Override
    public Map<String, Object> details() {
        return Map.of("from", from.name(), "note", note == null ? "" : note);
    }
}
