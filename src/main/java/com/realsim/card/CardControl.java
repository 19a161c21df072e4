package com.realsim.card;

import com.realsim.card.domain.BlockingStack;
import com.realsim.card.domain.Card;
import com.realsim.card.domain.CardRealName;
import com.realsim.card.domain.Cards;
import com.realsim.card.domain.LockedCards;
import com.realsim.card.events.CardRef;
import com.realsim.platform.Actor;
import com.realsim.verification.VerificationCaseView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final EndUserService endUsers;
    private final BlockingStack stack;
    private final JdbcClient jdbc;
    private final Clock clock;

    /** The card with this ICCID, whoever owns it (one statement; its plan is kept in memory). */
    @Transactional(readOnly = true)
    public Optional<CardSummary> card(String iccid) {
        return cards.findByIccid(iccid).map(views::summary);
    }

    /** A REVERIFICATION case opened for a card flagged by risk monitoring. */
    public record ReverificationOpened(long cardId, String iccid, long caseId) {}

    /**
     * Opens a REVERIFICATION case (waiting for the live photo and the fraud-risk notice) for each card that is with a
     * customer, naming the person on record with their ID photo: the current end user, or for a card without one
     * (enterprise-level real-name only) the enterprise's responsible person; a card that is not with a customer, or
     * has nobody with an ID photo on record, gets none. Run for risk monitoring by the OPS person who requires it (the
     * case's opener).
     */
    @Transactional
    public List<ReverificationOpened> openReverifications(Collection<Long> cardIds, Actor ops) {
        List<ReverificationOpened> opened = new ArrayList<>();
        for (long cardId : cardIds.stream().distinct().sorted().toList()) {
            Optional<Card> card = cards.findById(cardId).filter(c -> c.state().isWithCustomer());
            if (card.isEmpty()) {
                continue;
            }
            Optional<VerificationCaseView> kase = endUsers.openReverification(card.get(), ops);
            kase.ifPresent(
                    k -> opened.add(new ReverificationOpened(cardId, card.get().iccid(), k.id())));
        }
        return opened;
    }

    /**
     * Re-verifications not passed by their deadline: {@code RISK_REVERIFICATION_OVERDUE} on every working card of
     * these (set-based: one statement for all, {@link BlockingStack#add}); the cards are locked in ICCID order first.
     * Answers the cards it stopped.
     */
    @Transactional
    public List<CardRef> reverificationOverdue(Collection<Long> cardIds) {
        if (cardIds.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<BlockingStack.Change> changes = lockInIccidOrder(cardIds).stream()
                .map(id -> new BlockingStack.Change(id, now))
                .toList();
        return stack.add(
                BlockingReason.RISK_REVERIFICATION_OVERDUE, changes, "card.note.reverificationOverdue", null, now);
    }

    /**
     * A card's re-verification was approved: {@code RISK_REVERIFICATION_OVERDUE} is cleared; the card works again
     * only if no other reason holds it and its real-name is complete ({@link BlockingStack#clear}). Idempotent.
     */
    @Transactional
    public void reverificationPassed(long cardId) {
        Instant now = clock.instant();
        if (lockInIccidOrder(List.of(cardId)).isEmpty()) {
            return;
        }
        stack.clear(
                BlockingReason.RISK_REVERIFICATION_OVERDUE,
                List.of(new BlockingStack.Change(cardId, now)),
                "card.note.reverificationPassed",
                null,
                now);
    }

    private List<Long> lockInIccidOrder(Collection<Long> cardIds) {
        return jdbc.sql("SELECT id FROM card WHERE id = ANY(:ids) ORDER BY iccid FOR NO KEY UPDATE")
                .param("ids", cardIds.stream().distinct().toArray(Long[]::new))
                .query(Long.class)
                .list();
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
}
