package com.realsim.card.events;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/** OPS imported an inventory file: {@code imported} new cards, {@code rejected} lines refused. */
public record CardsImported(long importId, String fileName, long imported, long rejected, Actor by)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.ofPlatform(
                by,
                "CARDS_IMPORTED",
                "CARD_IMPORT",
                importId,
                Map.of("fileName", fileName, "imported", imported, "rejected", rejected));
    }
}
