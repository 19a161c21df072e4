package com.realsim.card.events;

import com.realsim.card.BlockingReason;
import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent.AuditFacts;
import com.realsim.platform.AuditedEvents;
import java.util.List;

/**
 * One set-based statement cleared the same blocking reason of many cards that other reasons still hold stopped (a card
 * whose last reason goes is judged by its aggregate and publishes {@link CardBlockingReasonCleared} itself): one
 * publication of at most {@link CardsSuspended#MAX_CARDS} cards, each recorded as a {@link CardBlockingReasonCleared}.
 */
public record CardsReasonCleared(BlockingReason reason, String note, Actor by, List<CardRef> cards)
        implements AuditedEvents {

    public CardsReasonCleared {
        cards = List.copyOf(cards);
    }

    @Override
    public List<AuditFacts> auditEntries() {
        return cards.stream()
                .map(card -> new CardBlockingReasonCleared(
                                card.cardId(),
                                card.iccid(),
                                card.agentId(),
                                card.enterpriseId(),
                                reason,
                                note,
                                false,
                                by)
                        .auditFacts())
                .toList();
    }
}
