package com.realsim.card.bulk;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bulk action started ({@code CARD_BULK_STARTED}) or its self-service links taken ({@code CARD_BULK_LINKS_TAKEN}),
 * recorded for the starter's tenant. Each card's own change is audited by the card's own event as when done one by
 * one.
 */
public record CardBulkEvent(
        String action, long bulkId, BulkAction bulkAction, int cards, Actor by, Long agentId, Long enterpriseId)
        implements AuditedEvent {

    static final String STARTED = "CARD_BULK_STARTED";
    static final String LINKS_TAKEN = "CARD_BULK_LINKS_TAKEN";

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bulkAction", bulkAction.name());
        details.put("cards", cards);
        return AuditFacts.by(by, agentId, enterpriseId, action, "CARD_BULK", bulkId, "SUCCESS", details);
    }
}
