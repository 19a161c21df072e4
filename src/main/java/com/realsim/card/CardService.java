package com.realsim.card;

import com.realsim.card.domain.Card;
import com.realsim.card.domain.CardEndUser;
import com.realsim.card.domain.CardRealName;
import com.realsim.card.domain.CardRows;
import com.realsim.card.domain.CardStateCounts;
import com.realsim.card.domain.CardStatuses;
import com.realsim.card.domain.Cards;
import com.realsim.card.domain.LockedCards;
import com.realsim.card.domain.QuotaDriftCheck;
import com.realsim.card.domain.RealNameOfCards;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.catalogue.ServicePlanSummary;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.identity.BlindIndex;
import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.web.Cursor;
import com.realsim.platform.web.CursorPage;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cards as people read and act on them, pages and the Partner API alike: everything goes through the current actor's
 * tenant scope (another tenant's card is not found). A card being changed is locked ({@link LockedCards}) so that
 * two acts on it never interleave. What other modules do to cards as the system is {@link CardControl} and {@link
 * CardsForOrders}.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CardService {

    private final Cards cards;
    private final LockedCards locked;
    private final CardStatuses statuses;
    private final ServicePlanService plans;
    private final CardRealName realName;
    private final CardStateCounts stateCounts;
    private final QuotaDriftCheck driftCheck;
    private final Clock clock;
    private final BlindIndex blindIndex;
    private final CardRows rows;
    private final RealNameOfCards realNameOfCards;
    private final EnterpriseService enterprises;

    // --- reading (tenant-scoped) ----------------------------------------------------------------------------------

    /** A keyset page of the cards the current actor may see, newest first; the cursor is the last row's id. */
    @Transactional(readOnly = true)
    public CursorPage<CardSummary> find(CardQuery query) {
        Specification<Card> condition = cards.visible().and(conditions(query));
        if (query.selectiveSearch()) {
            // Numbers and ICCIDs are issued in blocks, so the matches of a long prefix sit together somewhere in the
            // id order: read them through the search index and sort them, rather than walk the primary key.
            condition = condition.and((root, q, cb) -> {
                q.orderBy(cb.desc(cb.sum(root.<Long>get("id"), 0L)));
                return cb.conjunction();
            });
        }
        Sort order = query.selectiveSearch() ? Sort.unsorted() : Sort.by(Sort.Direction.DESC, "id");
        List<CardSummary> rows = cards
                .findBy(condition, q -> q.sortBy(order).limit(query.size() + 1).all())
                .stream()
                .map(this::summary)
                .toList();
        return CursorPage.of(rows, query.size(), row -> Cursor.encode(Long.toString(row.id())));
    }

    /**
     * A page of {@link #find} as the card list shows it: each card with its enterprise's name, its active blocking
     * reasons and whether its real-name is complete — three statements for the whole page, whatever its size.
     */
    @Transactional(readOnly = true)
    public CursorPage<CardListing> list(CardQuery query) {
        CursorPage<CardSummary> page = find(query);
        List<Long> ids = page.items().stream().map(CardSummary::id).toList();
        Map<Long, List<BlockingReason>> reasons = rows.activeReasons(ids);
        Map<Long, RealNameAssessment> realNames = realNameOfCards.assess(ids);
        Map<Long, String> names = enterprises.names(page.items().stream()
                .map(CardSummary::enterpriseId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return page.map(card -> new CardListing(
                card,
                card.enterpriseId() == null ? null : names.get(card.enterpriseId()),
                reasons.getOrDefault(card.id(), List.of()),
                realNames.get(card.id()).satisfied()));
    }

    /** One statement, no transaction of its own ({@link CardStatuses}). */
    public CardView view(long id) {
        return statuses.visible(id).orElseThrow(NotFoundException::new);
    }

    /** One statement, no transaction of its own ({@link CardStatuses}): the Partner API's card-status read. */
    public CardView view(String iccid) {
        return statuses.visible(iccid).orElseThrow(NotFoundException::new);
    }

    /** How many cards the current actor sees in each state (every state present; at most a few seconds old). */
    @Transactional(readOnly = true)
    public Map<CardState, Long> countByState() {
        return stateCounts.of(CurrentActor.scope());
    }

    /** How many cards in this state the current actor sees (at most a few seconds old). */
    @Transactional(readOnly = true)
    public long count(CardState state) {
        return countByState().get(state);
    }

    /**
     * How many identities' one-ID-N-cards counters disagreed with their bound cards at the last drift check (for OPS:
     * a number, never who).
     */
    public long quotaDrift() {
        return driftCheck.drifted();
    }

    // --- people acting on a card (tenant-scoped; the role decides the blocking reason) -----------------------------

    /** Suspends the card with the reason of the actor's role: OPS_ACTION for OPS, CUSTOMER_REQUEST for customers. */
    @Transactional
    public CardView suspend(String iccid, String note) {
        Actor actor = CurrentActor.get();
        Card card = locked.visible(iccid);
        card.block(manualReason(actor), note, actor, clock.instant());
        return view(cards.save(card));
    }

    /**
     * Clears the reason of the actor's role. While other reasons remain the card stays suspended and the answer is
     * {@code BLOCKED} naming them; the caller's own reason is cleared all the same (otherwise a customer's and an
     * operator's stop would wait for each other forever). A card whose real-name is incomplete does not work again: it
     * stays suspended with {@code UNVERIFIED}, named in the answer.
     */
    @Transactional(noRollbackFor = CardStillBlocked.class)
    public CardView resume(String iccid, String note) {
        Actor actor = CurrentActor.get();
        Card card = locked.visible(iccid);
        List<BlockingReason> remaining =
                card.resume(manualReason(actor), note, actor, clock.instant(), () -> realName.assess(card));
        cards.save(card);
        if (!remaining.isEmpty()) {
            throw new CardStillBlocked(remaining);
        }
        return view(card);
    }

    /** Cancels the card at once (final); its end user's quota slot is free again, in the same transaction. */
    @Transactional
    public CardView cancel(String iccid, String note) {
        Actor actor = CurrentActor.get();
        Card card = locked.visible(iccid);
        card.cancel(note, actor, clock.instant());
        return view(cards.save(card));
    }

    /**
     * Activates the card (waiting for activation, or in its test period, which this ends) when its real-name is
     * complete — judged on the facts as they stand: the enterprise's standing, the handler of the order the card came
     * through, its end user's verification and an approved exception — otherwise {@code REAL_NAME_INCOMPLETE} with
     * {@code missing}.
     */
    @Transactional
    public CardView activate(String iccid) {
        Actor actor = CurrentActor.get();
        Card card = locked.visible(iccid);
        card.activate(realName.assess(card), actor, clock.instant());
        return view(cards.save(card));
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static BlockingReason manualReason(Actor actor) {
        return BlockingReason.manualFor(actor.role()).orElseThrow(() -> new DomainException(ErrorCode.FORBIDDEN));
    }

    /** A card just changed, as it now stands: the changes flushed, then read like any other ({@link CardStatuses}). */
    CardView view(Card card) {
        cards.flush();
        return statuses.of(card.id());
    }

    CardSummary summary(Card card) {
        return new CardSummary(
                card.id(),
                card.iccid(),
                card.msisdn(),
                card.operator(),
                plans.plan(card.planId()).code(),
                card.state(),
                card.agentId(),
                card.enterpriseId(),
                card.createdAt());
    }

    /**
     * The search box: exact or prefix alike as a range, which a b-tree in C collation serves even with a generic plan;
     * an ICCID's last digits as a range over the reversed ICCID (card_iccid_reversed_idx), an IMSI whole
     * (card_imsi_idx). A number identifies a card only while it is live (card_msisdn_live_uk holds live cards):
     * cancelled cards are found by ICCID.
     */
    private static Specification<Card> search(CardQuery query) {
        String text = query.search();
        if (query.searchesIccidEnd()) {
            String from = new StringBuilder(text).reverse().toString();
            return (root, q, cb) -> {
                Expression<String> reversed = cb.function("reverse", String.class, root.get("iccid"));
                return cb.and(cb.greaterThanOrEqualTo(reversed, from), cb.lessThan(reversed, from + ":"));
            };
        }
        if (query.searchesImsi()) {
            return (root, q, cb) -> cb.equal(root.get("imsi"), text);
        }
        String attribute = query.searchesIccid() ? "iccid" : query.searchesMsisdn() ? "msisdn" : null;
        if (attribute == null) {
            return (root, q, cb) -> cb.disjunction();
        }
        Specification<Card> range = (root, q, cb) -> cb.and(
                cb.greaterThanOrEqualTo(root.get(attribute), text), cb.lessThan(root.get(attribute), text + ":"));
        return attribute.equals("msisdn")
                ? range.and((root, q, cb) -> cb.notEqual(root.get("state"), CardState.CANCELLED))
                : range;
    }

    /**
     * Cards in service whose real-name is incomplete, or complete: the dashboards' count (CardDashboard.INCOMPLETE), so
     * that a number on a dashboard and the list it links to agree — blocked by {@code UNVERIFIED}, or the current end
     * user bound and waiting for review, or rejected.
     */
    private static Specification<Card> realName(CardQuery.RealNameFilter wanted) {
        return (root, q, cb) -> {
            Subquery<Integer> unverified = q.subquery(Integer.class);
            Join<Card, ?> block = unverified.correlate(root).join("blocks");
            unverified
                    .select(cb.literal(1))
                    .where(cb.equal(block.get("reason"), BlockingReason.UNVERIFIED), cb.isNull(block.get("clearedAt")));
            Subquery<Long> waiting = q.subquery(Long.class);
            Root<CardEndUser> user = waiting.from(CardEndUser.class);
            waiting.select(user.get("cardId"))
                    .where(
                            cb.equal(user.get("cardId"), root.get("id")),
                            cb.isNull(user.get("endedAt")),
                            user.get("status").in(EndUserStatus.BOUND, EndUserStatus.REJECTED));
            Predicate incomplete = cb.or(cb.exists(unverified), cb.exists(waiting));
            Predicate inService = cb.not(root.get("state").in(CardState.INVENTORY, CardState.CANCELLED));
            return cb.and(inService, wanted == CardQuery.RealNameFilter.INCOMPLETE ? incomplete : cb.not(incomplete));
        };
    }

    private Specification<Card> conditions(CardQuery query) {
        List<Specification<Card>> parts = new ArrayList<>();
        if (query.search() != null) {
            parts.add(search(query));
        }
        if (query.reason() != null) {
            // an active reason of that kind: card_blocking_reason_active_reason_idx (reason, card_id)
            parts.add((root, q, cb) -> {
                Subquery<Integer> active = q.subquery(Integer.class);
                Join<Card, ?> block = active.correlate(root).join("blocks");
                return cb.exists(active.select(cb.literal(1))
                        .where(cb.equal(block.get("reason"), query.reason()), cb.isNull(block.get("clearedAt"))));
            });
        }
        if (query.endUser() != null) {
            // the current end user's ID through its blind index (card_end_user_bidx_idx): never the number in clear
            String index = blindIndex.of(query.endUser());
            parts.add((root, q, cb) -> {
                Subquery<Long> bound = q.subquery(Long.class);
                Root<CardEndUser> user = bound.from(CardEndUser.class);
                return cb.exists(bound.select(user.get("cardId"))
                        .where(
                                cb.equal(user.get("cardId"), root.get("id")),
                                cb.equal(user.get("idNumber").get("blindIndex"), index),
                                cb.isNull(user.get("endedAt"))));
            });
        }
        if (query.realName() != null) {
            parts.add(realName(query.realName()));
        }
        if (query.state() != null) {
            parts.add((root, q, cb) -> cb.equal(root.get("state"), query.state()));
        }
        if (query.operator() != null) {
            parts.add((root, q, cb) -> cb.equal(root.get("operator"), query.operator()));
        }
        if (query.planCode() != null) {
            Long planId =
                    plans.plan(query.planCode()).map(ServicePlanSummary::id).orElse(-1L);
            parts.add((root, q, cb) -> cb.equal(root.get("planId"), planId));
        }
        if (query.enterpriseId() != null) {
            parts.add((root, q, cb) -> cb.equal(root.get("enterpriseId"), query.enterpriseId()));
        }
        if (query.afterId() != null) {
            parts.add((root, q, cb) -> cb.lessThan(root.get("id"), query.afterId()));
        }
        return Specification.allOf(parts);
    }
}
