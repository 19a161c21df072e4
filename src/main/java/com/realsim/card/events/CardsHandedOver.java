package com.realsim.card.events;

import com.realsim.card.CardState;
import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent.AuditFacts;
import com.realsim.platform.AuditedEvents;
import java.util.List;

/**
 * Cards of one completed order left the inventory for an enterprise together (a part of at most
 * {@code CardsForOrders.EVENT_CARDS} (1,000) of them: one publication each). The trail records each card as a {@link
 * CardHandedOver} of its own, appended in one batch.
 */
public record CardsHandedOver(long orderId, Long agentId, Long enterpriseId, Actor by, List<Handed> cards)
        implements AuditedEvents {

    /** One card of the hand-over and the state it is in now (TEST or PENDING_ACTIVATION). */
    public record Handed(long cardId, String iccid, CardState state) {}

    public CardsHandedOver {
        cards = List.copyOf(cards);
    }

    @Override
    public List<AuditFacts> auditEntries() {
        return cards.stream()
                .map(card -> new CardHandedOver(card.cardId(), card.iccid(), agentId, enterpriseId, card.state(), by)
                        .auditFacts())
                .toList();
    }
}
