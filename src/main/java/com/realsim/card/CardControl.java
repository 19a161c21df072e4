package com.realsim.card;

import com.realsim.card.domain.CardRealName;
import com.realsim.card.domain.Cards;
import com.realsim.card.domain.LockedCards;
import java.time.Clock;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules' rules, listeners and jobs ask of cards and do to them as the <em>system</em>: no tenant scope,
 * no signed-in actor. People's reads and acts are {@link CardService}; business orders' checks and effects are
 * {@link CardsForOrders}.
 *
 * <p>The place for the system acts of the modules to come, each added with its first caller: a blocking reason put on
 * and cleared by the module whose event decides it ({@code ARREARS} by billing, {@code RISK_REVERIFICATION_OVERDUE}
 * and {@code MACHINE_CARD_SEPARATION} by risk — a cleared last reason is judged on the real-name like every other,
 * see {@code Card.clear}), devices seen outside the usage feed, and a card's lifecycle timers. Until then the
 * aggregate's rules for them are exercised through usage, orders and the cancellation cycle.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CardControl {

    private final Cards cards;
    private final LockedCards locked;
    private final CardRealName realName;
    private final CardService views;
    private final Clock clock;

    /** The card with this ICCID, whoever owns it (one statement; its plan is kept in memory). */
    @Transactional(readOnly = true)
    public Optional<CardSummary> card(String iccid) {
        return cards.findByIccid(iccid).map(views::summary);
    }

    /**
     * An exception was approved for the card (approval module, heard by {@link CardRealNameListener}): if it was
     * stopped with {@code UNVERIFIED} and its real-name is complete now, it works again. Idempotent.
     */
    @Transactional
    void exceptionApproved(long cardId) {
        locked.any(cardId).ifPresent(card -> {
            if (realName.clearIfComplete(card, clock.instant())) {
                cards.save(card);
            }
        });
    }

    /**
     * OPS granted a customer's appeal against the card's suspension for {@code reason} (risk module): the reason is
     * cleared ({@link com.realsim.card.domain.Card#clearOnAppeal}); the card resumes only when nothing else blocks it.
     * Answers whether the card carried the reason.
     */
    @Transactional
    public boolean clearOnAppeal(long cardId, BlockingReason reason, String note, com.realsim.platform.Actor ops) {
        return locked.any(cardId)
                .map(card -> {
                    boolean cleared =
                            card.clearOnAppeal(reason, note, ops, clock.instant(), () -> realName.assess(card));
                    cards.saveAndFlush(card); // the caller reads the card's state with SQL in this transaction
                    return cleared;
                })
                .orElse(false);
    }
}
