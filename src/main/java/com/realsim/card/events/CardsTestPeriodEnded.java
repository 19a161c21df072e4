package com.realsim.card.events;

import com.realsim.platform.AuditedEvent.AuditFacts;
import com.realsim.platform.AuditedEvents;
import java.util.List;

/**
 * The test periods of many cards ended together (one run of the lifecycle timers, at most {@link
 * CardsSuspended#MAX_CARDS} cards a publication). The trail records each card as a {@link CardTestPeriodEnded} of its
 * own, appended in one batch.
 */
public record CardsTestPeriodEnded(List<CardRef> cards) implements AuditedEvents {

    public CardsTestPeriodEnded {
        cards = List.copyOf(cards);
    }

    @Override
    public List<AuditFacts> auditEntries() {
        return cards.stream()
                .map(card -> new CardTestPeriodEnded(card.cardId(), card.iccid(), card.agentId(), card.enterpriseId())
                        .auditFacts())
                .toList();
    }
}
