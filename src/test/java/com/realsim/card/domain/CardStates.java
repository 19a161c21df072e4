package com.realsim.card.domain;

import com.realsim.card.BlockingReason;
import java.time.Clock;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a real card of the real card module into a state that no person's action reaches today — a blocking reason
 * that only the operator's feed or a job sets (arrears, a device seen elsewhere), or the cancellation cycle — through
 * the Card aggregate itself, in its own transaction, so that page tests can show those states. Nothing is faked: the
 * aggregate applies its own rules and publishes its own events.
 */
public final class CardStates {

    private final Cards cards;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public CardStates(ApplicationContext context) {
        this.cards = context.getBean(Cards.class);
        this.clock = context.getBean(Clock.class);
        this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    /** The card's stack gains {@code reason}, as its own event would put it there. */
    public void block(String iccid, BlockingReason reason, String note) {
        transactions.executeWithoutResult(status -> {
            Card card = cards.findByIccid(iccid).orElseThrow();
            card.block(reason, note, null, clock.instant());
            cards.save(card);
        });
    }

    /** The card enters the cancellation cycle, as the cycle's job does for a card without usage. */
    public void preCancel(String iccid) {
        transactions.executeWithoutResult(status -> {
            Card card = cards.findByIccid(iccid).orElseThrow();
            card.preCancel(null, clock.instant());
            cards.save(card);
        });
    }
}
