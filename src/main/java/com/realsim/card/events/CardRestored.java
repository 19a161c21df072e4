package com.realsim.card.events;

import com.realsim.card.CardState;
import com.realsim.platform.Actor;
import java.util.Map;

/** A pre-cancelled card was taken out of the cancellation cycle. */
public record CardRestored(Long cardId, String iccid, Long agentId, Long enterpriseId, CardState to, Actor by)
        implements CardEvent {

    @Override
    public Map<String, Object> details() {
        return Map.of("to", to.name());
    }
}
