package com.realsim.card.events;

import com.realsim.platform.Actor;
import java.util.Map;

/** A card was bound to a device: the first IMEI seen, or a rebind. */
public record CardImeiBound(
        Long cardId, String iccid, Long agentId, Long enterpriseId, String imeiMasked, boolean rebind, Actor by)
        implements CardEvent {

    @Override
    public Map<String, Object> details() {
        return Map.of("imei", imeiMasked, "rebind", rebind);
    }
}
