package com.realsim.card.events;

import com.realsim.platform.AuditedEvent.AuditFacts;
import com.realsim.platform.AuditedEvents;
import java.util.List;

/**
 * Many cards became ACTIVE together with their real-name complete, switched on by the system at the end of their
 * silent period (at most {@link CardsSuspended#MAX_CARDS} cards a publication). The trail records each card as a
 * {@link CardActivated} of its own (by the system), appended in one batch.
 */
public record CardsActivated(List<Activated> cards) implements AuditedEvents {

    /** One card and the real-name requirement it met. */
    public record Activated(CardRef card, String requirement) {}

    public CardsActivated {
        cards = List.copyOf(cards);
    }

    @Override
    public List<AuditFacts> auditEntries() {
        return cards.stream()
                .map(activated -> new CardActivated(
                                activated.card().cardId(),
                                activated.card().iccid(),
                                activated.card().agentId(),
                                activated.card().enterpriseId(),
                                activated.requirement(),
                                null)
                        .auditFacts())
                .toList();
    }
}
