package com.realsim.card.events;

import com.realsim.platform.AuditedEvent.AuditFacts;
import com.realsim.platform.AuditedEvents;
import java.util.List;

/**
 * Cards bound to the first device their usage showed, by one batch of the usage feed: one publication of at most
 * {@link CardsSuspended#MAX_CARDS} cards, each recorded as a {@link CardImeiBound} (not a rebind, by the system).
 */
public record CardsBoundToDevices(List<Bound> cards) implements AuditedEvents {

    /** A card and its device's IMEI, masked. */
    public record Bound(CardRef card, String imeiMasked) {}

    public CardsBoundToDevices {
        cards = List.copyOf(cards);
    }

    @Override
    public List<AuditFacts> auditEntries() {
        return cards.stream()
                .map(bound -> new CardImeiBound(
                                bound.card().cardId(),
                                bound.card().iccid(),
                                bound.card().agentId(),
                                bound.card().enterpriseId(),
                                bound.imeiMasked(),
                                false,
                                null)
                        .auditFacts())
                .toList();
    }
}
