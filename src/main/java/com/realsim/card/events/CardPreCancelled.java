package com.realsim.card.events;

import com.realsim.card.CardState;
import com.realsim.platform.Actor;
import java.util.Map;

/** A card entered the cancellation cycle (预销户). */
public record CardPreCancelled(Long cardId, String iccid, Long agentId, Long enterpriseId, CardState from, Actor by)
        implements CardEvent {

    @Override
    public Map<String, Object> details() {
        return Map.of("from", from.name());
    }
}
