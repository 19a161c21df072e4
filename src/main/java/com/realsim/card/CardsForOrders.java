package com.realsim.card;

import com.realsim.card.domain.Card;
import com.realsim.card.domain.CardProperties;
import com.realsim.card.domain.CardRealName;
import com.realsim.card.domain.CardRows;
import com.realsim.card.domain.Cards;
import com.realsim.card.domain.DailyUsage;
import com.realsim.card.domain.EndUserBindings;
import com.realsim.card.domain.LockedCards;
import com.realsim.card.events.CardsHandedOver;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseStanding;
import com.realsim.platform.Actor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What business orders (the order module) do to cards, as the <em>system</em>: checks before an order is accepted,
 * and the effects of a completed order. No tenant scope applies — the order module has checked its own actor — and
 * no signed-in user is needed (these run in listeners). Each call is all or nothing: the first card that does not
 * qualify refuses the whole call with a {@link DomainException} whose details name it ({@code iccid}); the caller
 * maps it to its own field ({@code iccids[3]}).
 *
 * <p>Cards are locked in ICCID order, so two orders touching the same cards never deadlock. The checks and the
 * hand-over of a new-card order read and write all their cards in one statement each ({@link CardRows}), whatever
 * their number; its audit entries go to the trail in batches of 1,000 cards ({@link CardsHandedOver}, {@code EVENT_CARDS}).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CardsForOrders {

    /** How many cards of a hand-over one {@link CardsHandedOver} carries (one publication, one batch of entries). */
    static final int EVENT_CARDS = 1_000;

    private final Cards cards;
    private final CardRows rows;
    private final ApplicationEventPublisher events;
    private final LockedCards locked;
    private final CardService summaries;
    private final ServicePlanService plans;
    private final EndUserBindings bindings;
    private final CardRealName realName;
    private final EnterpriseService enterprises;
    private final CardProperties properties;
    private final DailyUsage dailyUsage;
    private final Clock clock;

    /** The cards with these ICCIDs that exist, by ICCID in the order given (one statement). */
    @Transactional(readOnly = true)
    public Map<String, CardSummary> find(Collection<String> iccids) {
        Map<String, CardSummary> byIccid = new HashMap<>();
        if (!iccids.isEmpty()) {
            cards.findAllByIccidIn(iccids).forEach(card -> byIccid.put(card.iccid(), summaries.summary(card)));
        }
        Map<String, CardSummary> found = new LinkedHashMap<>();
        for (String iccid : iccids) {
            if (byIccid.containsKey(iccid)) {
                found.put(iccid, byIccid.get(iccid));
            }
        }
        return found;
    }

    // --- checks before an order is accepted -----------------------------------------------------------------------

    /**
     * For a new-card order (新装): every card exists and is in the inventory, owned by nobody.
     *
     * @throws DomainException {@code NOT_FOUND} or {@code ILLEGAL_STATE_TRANSITION}, with {@code iccid} (and
     *     {@code state}) in the details
     */
    @Transactional(readOnly = true)
    public void checkAvailableForNewInstall(Collection<String> iccids) {
        Map<String, CardRows.Facts> found = facts(iccids);
        for (String iccid : iccids) {
            CardRows.Facts card = found.get(iccid);
            if (card == null) {
                throw unknown(iccid);
            }
            if (card.state() != CardState.INVENTORY || card.agentId() != null) {
                throw new DomainException(
                                ErrorCode.ILLEGAL_STATE_TRANSITION, "card.order.notInInventory", iccid, card.state())
                        .with("iccid", iccid)
                        .with("state", card.state().name());
            }
        }
    }

    /**
     * For orders on an enterprise's own cards (transfer, real-name supplement, replacement of the old card, rebind,
     * suspend, resume, cancel): every card exists, belongs to this enterprise and is in one of the allowed states.
     *
     * @throws DomainException {@code NOT_FOUND} (unknown, or another enterprise's card: the same answer) or {@code
     *     ILLEGAL_STATE_TRANSITION} (with {@code state} and {@code allowed}), with {@code iccid} in the details
     */
    @Transactional(readOnly = true)
    public void checkOwnedBy(Collection<String> iccids, long enterpriseId, Set<CardState> allowedStates) {
        Map<String, CardRows.Facts> found = facts(iccids);
        for (String iccid : iccids) {
            CardRows.Facts card = found.get(iccid);
            if (card == null || !Long.valueOf(enterpriseId).equals(card.enterpriseId())) {
                throw notOwned(iccid);
            }
            if (!allowedStates.contains(card.state())) {
                List<String> allowed =
                        allowedStates.stream().map(Enum::name).sorted().toList();
                throw new DomainException(
                                ErrorCode.ILLEGAL_STATE_TRANSITION,
                                "card.order.state",
                                iccid,
                                card.state(),
                                allowedStates.stream().sorted().toList())
                        .with("iccid", iccid)
                        .with("state", card.state().name())
                        .with("allowed", allowed);
            }
        }
    }

    /**
     * For a rebind order (机卡重绑): every card is bound to a device.
     *
     * @throws DomainException {@code NOT_FOUND} or {@code ILLEGAL_STATE_TRANSITION} (a card whose plan binds no
     *     device), with {@code iccid} in the details
     */
    @Transactional(readOnly = true)
    public void checkBoundToDevice(Collection<String> iccids) {
        Map<String, CardRows.Facts> found = facts(iccids);
        for (String iccid : iccids) {
            CardRows.Facts card = found.get(iccid);
            if (card == null) {
                throw unknown(iccid);
            }
            if (!card.imeiBinding()) {
                throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "card.order.notBound", iccid)
                        .with("iccid", iccid);
            }
        }
    }

    // --- effects of completed orders ------------------------------------------------------------------------------

    /**
     * A completed new-card order (新装) hands inventory cards to an enterprise of an agent, and records the order: its
     * handler is a fact of the cards' real-name. A card whose plan is a test package (测试卡套餐) starts its test
     * period, every other card waits for activation.
     *
     * @throws DomainException {@code NOT_FOUND} or {@code ILLEGAL_STATE_TRANSITION} (a card not in the inventory),
     *     with {@code iccid}
     */
    @Transactional
    public List<CardSummary> handOver(
            Collection<String> iccids, long agentId, long enterpriseId, long orderId, Actor actor) {
        Map<String, CardRows.Facts> locked = new HashMap<>();
        rows.lock(iccids).forEach(card -> locked.put(card.iccid(), card));
        Map<Long, Boolean> testPlans = new HashMap<>();
        for (String iccid : new TreeSet<>(iccids)) {
            CardRows.Facts card = locked.get(iccid);
            if (card == null) {
                throw unknown(iccid);
            }
            boolean testPeriod = testPlans.computeIfAbsent(
                    card.planId(), plan -> plans.plan(plan).testPackage());
            if (card.state() != CardState.INVENTORY || card.agentId() != null) {
                CardState target = testPeriod ? CardState.TEST : CardState.PENDING_ACTIVATION;
                throw new DomainException(
                                ErrorCode.ILLEGAL_STATE_TRANSITION, "card.state.illegal", card.state(), target)
                        .with("iccid", iccid)
                        .with("state", card.state().name())
                        .with("target", target.name());
            }
        }
        Set<Long> testPlanIds = new HashSet<>();
        testPlans.forEach((plan, test) -> {
            if (test) {
                testPlanIds.add(plan);
            }
        });
        List<CardSummary> handed = rows.handOver(
                locked.values().stream().map(CardRows.Facts::id).toList(),
                testPlanIds,
                agentId,
                enterpriseId,
                orderId,
                clock.instant(),
                plan -> plans.plan(plan).code());
        for (int from = 0; from < handed.size(); from += EVENT_CARDS) {
            events.publishEvent(new CardsHandedOver(
                    orderId,
                    agentId,
                    enterpriseId,
                    actor,
                    handed.subList(from, Math.min(handed.size(), from + EVENT_CARDS)).stream()
                            .map(card -> new CardsHandedOver.Handed(card.id(), card.iccid(), card.state()))
                            .toList()));
        }
        return handed;
    }

    /**
     * A completed transfer of ownership (过户) moves cards to another enterprise of the same agent. Each card's end
     * user binding ends and frees its quota slot; a working card whose requirement now lacks its end user (or
     * anything else) is stopped with {@code UNVERIFIED} until the new owner's end user is verified.
     *
     * @throws DomainException {@code NOT_FOUND} for an unknown enterprise ({@code enterpriseId}) or card; {@code
     *     ILLEGAL_STATE_TRANSITION} for a card not with a customer, of another agent, or already the enterprise's
     */
    @Transactional
    public List<CardSummary> transfer(Collection<String> iccids, long toEnterpriseId, long orderId) {
        EnterpriseStanding target = enterprises
                .standing(toEnterpriseId)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "card.order.enterpriseNotFound")
                        .with("enterpriseId", toEnterpriseId));
        Instant now = clock.instant();
        List<CardSummary> moved = new ArrayList<>();
        for (Card card : lockAll(iccids)) {
            if (card.agentId() != null && card.agentId() != target.agentId()) {
                throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "card.transfer.otherAgent", card.iccid())
                        .with("iccid", card.iccid());
            }
            card.transferTo(toEnterpriseId, orderId, now);
            bindings.cardTransferred(card, now);
            realName.reassess(card, now);
            moved.add(summaries.summary(cards.save(card)));
        }
        return moved;
    }

    /**
     * A completed card replacement (补换卡): the new card, from the inventory and of the same operator, takes the old
     * card's enterprise, agent, state, blocking reasons and end user (with its quota slot: no second one is taken);
     * the old card is cancelled. If the new card's plan asks more of the real-name than is there, a working card is
     * stopped with {@code UNVERIFIED}.
     *
     * @throws DomainException {@code NOT_FOUND}; {@code ILLEGAL_STATE_TRANSITION} when the new card is not in the
     *     inventory, the old one is not with a customer, or the operators differ — with {@code iccid}
     */
    @Transactional
    public CardSummary replace(String oldIccid, String newIccid, long orderId) {
        if (oldIccid.equals(newIccid)) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "card.replace.same", newIccid)
                    .with("iccid", newIccid);
        }
        List<Card> locked = lockAll(List.of(oldIccid, newIccid));
        Card old = locked.stream()
                .filter(c -> c.iccid().equals(oldIccid))
                .findFirst()
                .orElseThrow();
        Card replacement = locked.stream()
                .filter(c -> c.iccid().equals(newIccid))
                .findFirst()
                .orElseThrow();
        Instant now = clock.instant();
        replacement.replace(old, orderId, now);
        old.cancel("card.note.replaced", null, now);
        cards.save(old);
        Card saved = cards.saveAndFlush(replacement);
        dailyUsage.carryOver(old.id(), saved.id());
        bindings.cardReplaced(old, saved, now);
        realName.reassess(saved, now);
        return summaries.summary(cards.save(saved));
    }

    /**
     * A completed real-name supplement (实名制补录): the order's handler is recorded for each card, and a card
     * stopped with {@code UNVERIFIED} whose real-name is now complete works again.
     */
    @Transactional
    public void realNameSupplemented(Collection<String> iccids, long orderId) {
        Instant now = clock.instant();
        for (Card card : lockAll(iccids)) {
            card.handledThrough(orderId, now);
            realName.clearIfComplete(card, now);
            cards.save(card);
        }
    }

    /**
     * A completed rebind order (机卡重绑), approved by OPS, binds the card to another device, within the monthly limit
     * ({@code QUOTA_EXCEEDED} beyond it); it clears {@code MACHINE_CARD_SEPARATION}.
     */
    @Transactional
    public void rebind(String iccid, Imei imei, Actor approvedBy) {
        Card card = lock(iccid);
        card.rebind(imei, properties.rebindsPerMonth(), approvedBy, clock.instant(), () -> realName.assess(card));
        cards.save(card);
    }

    /**
     * A completed suspend order (停机): adds {@code CUSTOMER_REQUEST}. Answers false when the card already carried it.
     *
     * @throws DomainException {@code ILLEGAL_STATE_TRANSITION} unless the card is ACTIVE or SUSPENDED
     */
    @Transactional
    public boolean customerSuspend(String iccid, String note, long orderId) {
        Card card = lock(iccid);
        boolean added = card.block(BlockingReason.CUSTOMER_REQUEST, orderNote(note, orderId), null, clock.instant());
        cards.save(card);
        return added;
    }

    /**
     * A completed resume order (复机): clears {@code CUSTOMER_REQUEST}. Answers the reasons that still block the card
     * (empty: it works again; {@code UNVERIFIED} when its real-name is incomplete) — unlike a person's resume, the
     * order's effect is kept either way.
     *
     * @throws DomainException {@code ILLEGAL_STATE_TRANSITION} unless the card is SUSPENDED
     */
    @Transactional
    public List<BlockingReason> customerResume(String iccid, String note, long orderId) {
        Card card = lock(iccid);
        List<BlockingReason> remaining = card.resume(
                BlockingReason.CUSTOMER_REQUEST,
                orderNote(note, orderId),
                null,
                clock.instant(),
                () -> realName.assess(card));
        cards.save(card);
        return remaining;
    }

    /**
     * A completed cancel order (销户): the card is CANCELLED at once and its end user's quota slot is free.
     *
     * @throws DomainException {@code ILLEGAL_STATE_TRANSITION} for a card already cancelled
     */
    @Transactional
    public void customerCancel(String iccid, String note, long orderId) {
        Card card = lock(iccid);
        card.cancel(orderNote(note, orderId), null, clock.instant());
        cards.save(card);
    }

    private Map<String, CardRows.Facts> facts(Collection<String> iccids) {
        Map<String, CardRows.Facts> found = new HashMap<>();
        if (!iccids.isEmpty()) {
            rows.facts(iccids).forEach(card -> found.put(card.iccid(), card));
        }
        return found;
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private List<Card> lockAll(Collection<String> iccids) {
        return locked.all(iccids, CardsForOrders::unknown);
    }

    private Card lock(String iccid) {
        return locked.any(iccid).orElseThrow(() -> unknown(iccid));
    }

    private static DomainException unknown(String iccid) {
        return new DomainException(ErrorCode.NOT_FOUND, "card.order.unknown", iccid).with("iccid", iccid);
    }

    private static DomainException notOwned(String iccid) {
        return new DomainException(ErrorCode.NOT_FOUND, "card.order.notFound", iccid).with("iccid", iccid);
    }

    private static String orderNote(String note, long orderId) {
        String text = note == null || note.isBlank() ? "order " + orderId : note.strip() + " (order " + orderId + ")";
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
