package com.realsim.card.events;

import com.realsim.card.CardState;
import com.realsim.platform.Actor;
import java.util.Map;

/** A card left the inventory for an enterprise (TEST or PENDING_ACTIVATION). */
public record CardHandedOver(Long cardId, String iccid, Long agentId, Long enterpriseId, CardState state, Actor by)
        implements CardEvent {

    @Override
    public Map<String, Object> details() {
        return Map.of("state", state.name());
    }
}
