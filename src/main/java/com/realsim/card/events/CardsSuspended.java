package com.realsim.card.events;

import com.realsim.card.BlockingReason;
import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent.AuditFacts;
import com.realsim.platform.AuditedEvents;
import java.util.List;

/**
 * One set-based statement put the same blocking reason on many cards (the usage feed's machine-card separation, the
 * operator's {@code ARREARS}): one publication of at most {@link #MAX_CARDS} cards. The trail records each card as a
 * {@link CardSuspended} of its own, appended in one batch.
 */
public record CardsSuspended(BlockingReason reason, String note, Actor by, List<CardRef> cards)
        implements AuditedEvents {

    /** How many cards one event carries (one publication, one batch of entries). */
    public static final int MAX_CARDS = 1_000;

    public CardsSuspended {
        cards = List.copyOf(cards);
    }

    @Override
    public List<AuditFacts> auditEntries() {
        return cards.stream()
                .map(card -> new CardSuspended(
                                card.cardId(), card.iccid(), card.agentId(), card.enterpriseId(), reason, note, by)
                        .auditFacts())
                .toList();
    }
}
