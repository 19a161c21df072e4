package com.realsim.card.events;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/** A card was bound to a device: the first IMEI seen, or a rebind. */
public record CardImeiBound(
        Long cardId, String iccid, Long agentId, Long enterpriseId, String imeiMasked, boolean rebind, Actor by)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(
                by,
                agentId,
                enterpriseId,
                "CARD_IMEI_BOUND",
                "CARD",
                iccid,
                "SUCCESS",
                Map.of("imei", imeiMasked, "rebind", rebind));
    }
}
