package com.realsim.card.events;

import com.realsim.platform.Actor;
import java.util.Map;

/** A card's real-name was complete and it became ACTIVE. */
public record CardActivated(Long cardId, String iccid, Long agentId, Long enterpriseId, String requirement, Actor by)
        implements CardEvent {

    @Override
    public Map<String, Object> details() {
        return Map.of("requirement", requirement);
    }
}
