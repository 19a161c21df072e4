package com.realsim.order;

import com.realsim.card.CardSummary;
import com.realsim.document.DocumentSummary;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseStanding;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.identity.BarredIdentities;
import com.realsim.identity.PersonalData;
import com.realsim.platform.Actor;
import com.realsim.platform.ChinaTime;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.review.DecisionReason;
import com.realsim.platform.web.Cursor;
import com.realsim.platform.web.CursorPage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Business orders: agents submit them, attach their photos and cancel them; OPS decide IMEI rebinds; the handler's
 * comparison is decided in the verification module. Every use case loads through the current actor's tenant scope.
 *
 * <p>Uploading a photo and approving a rebind are not one transaction: the act commits first, then the order is
 * completed in a transaction of its own if it waits for nothing any more ({@link OrderSteps} says why).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OrderService {

    private final BusinessOrders orders;
    private final OrderCardRows cards;
    private final OrderSteps steps;
    private final OrderProgress progress;
    private final OrderCardChecks checks;
    private final EnterpriseService enterprises;
    private final PersonalData personalData;
    private final BarredIdentities barred;
    private final OrderProperties properties;
    private final Clock clock;

    /**
     * An agent submits an order for one of its verified enterprises. Refusals: field problems (all at once), 404 for
     * an enterprise that is not the agent's, {@code REAL_NAME_INCOMPLETE} for one that is not verified,
     * {@code AUTHORIZATION_EXPIRED} for a handler's authorisation that does not cover today, {@code
     * CARD_IN_OPEN_ORDER} and the card checks for cards that do not fit.
     */
    @Transactional
    public OrderView create(OrderInput input) {
        Actor agent = CurrentActor.require(Role.AGENT);
        LocalDate today = today();
        CheckedOrder order = OrderInputCheck.check(input, properties.maxCards(), today);
        requireVerified(order.enterpriseId());
        if (order.targetEnterpriseId() != null) {
            requireVerified(order.targetEnterpriseId());
        }
        if (order.handler().authorizationValidTo().isBefore(today)) {
            throw new DomainException(ErrorCode.AUTHORIZATION_EXPIRED, "order.authorizationExpired")
                    .with("field", "handler.authorizationValidTo");
        }
        barred.refuseIfBarred(order.handler().idDocument(), "handler.idNumber");
        cards.refuseCardsInOpenOrders(order.allIccids());
        checks.check(order);
        BusinessOrder created =
                orders.saveAndFlush(new BusinessOrder(order, agent.agentId(), agent, personalData, clock.instant()));
        cards.add(created.id(), order);
        return orders.save(created.created(agent)).view();
    }

    /**
     * Stores a photo of an open order and completes the order if it waits for nothing else. The handler's on-site
     * photo goes through {@link #attachHandlerPhoto}.
     */
    public Attached attach(long orderId, OrderDocumentKind kind, byte[] content) {
        Actor agent = CurrentActor.require(Role.AGENT);
        if (kind == OrderDocumentKind.HANDLER_PHOTO) {
            throw new ValidationException(
                    new FieldProblem("kind", ErrorCode.VALIDATION_FAILED, "order.handlerPhotoHasItsOwnPlace"));
        }
        return attachAndSettle(orderId, kind, content, agent);
    }

    /** Stores the handler's on-site photo; with the handler's ID photo it starts the person-to-ID comparison. */
    public Attached attachHandlerPhoto(long orderId, byte[] content) {
        Actor agent = CurrentActor.require(Role.AGENT);
        return attachAndSettle(orderId, OrderDocumentKind.HANDLER_PHOTO, content, agent);
    }

    /** A stored photo and the order as it stands after it. */
    public record Attached(DocumentSummary document, OrderView order) {}

    private Attached attachAndSettle(long orderId, OrderDocumentKind kind, byte[] content, Actor agent) {
        DocumentSummary stored = steps.attach(orderId, kind, content, agent);
        progress.settle(orderId, agent);
        return new Attached(stored, steps.view(orderId));
    }

    /** OPS approve a rebind order; it completes at once (or is rejected when the card module refuses the rebind). */
    public OrderView approve(long orderId, String reason) {
        Actor ops = CurrentActor.require(Role.OPS);
        steps.decide(orderId, true, DecisionReason.optional(reason), ops);
        progress.settle(orderId, ops);
        return steps.view(orderId);
    }

    /** OPS reject a rebind order with a reason. */
    public OrderView reject(long orderId, String reason) {
        Actor ops = CurrentActor.require(Role.OPS);
        steps.decide(orderId, false, DecisionReason.required(reason), ops);
        return steps.view(orderId);
    }

    /** The agent withdraws an open order; its cards are free for other orders. */
    @Transactional
    public OrderView cancel(long orderId) {
        Actor agent = CurrentActor.require(Role.AGENT);
        BusinessOrder order = orders.getVisible(orderId);
        order.cancel(agent, clock.instant());
        cards.close(order.id());
        return orders.save(order).view();
    }

    @Transactional(readOnly = true)
    public OrderView get(long orderId) {
        return orders.getVisible(orderId).view();
    }

    /** A page of the orders the actor may see, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<OrderView> list(
            OrderStatus status, OrderType type, Long enterpriseId, String cursor, Integer size) {
        int limit = Cursor.size(size);
        Long after = Cursor.decodeId(cursor);
        Specification<BusinessOrder> condition = orders.visible();
        if (status != null) {
            condition = condition.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (type != null) {
            condition = condition.and((root, query, cb) -> cb.equal(root.get("type"), type));
        }
        if (enterpriseId != null) {
            condition = condition.and((root, query, cb) -> cb.equal(root.get("enterpriseId"), enterpriseId));
        }
        if (after != null) {
            condition = condition.and((root, query, cb) -> cb.lessThan(root.get("id"), after));
        }
        List<OrderView> rows = orders.findAll(
                        condition, PageRequest.of(0, limit + 1, Sort.by(Sort.Direction.DESC, "id")))
                .map(BusinessOrder::view)
                .getContent();
        return CursorPage.of(rows, limit, row -> Cursor.ofId(row.id()));
    }

    /** A page of an order's cards with their states now, in the order given. */
    @Transactional(readOnly = true)
    public CursorPage<OrderCardView> cards(long orderId, String cursor, Integer size) {
        BusinessOrder order = orders.getVisible(orderId);
        int limit = Cursor.size(size);
        Long after = Cursor.decodeId(cursor);
        List<OrderCardLine> lines = cards.page(order.id(), after == null ? -1 : after.intValue(), limit + 1);
        Map<String, CardSummary> found =
                checks.cards(lines.stream().map(OrderCardLine::iccid).toList());
        List<OrderCardView> rows = new ArrayList<>();
        for (OrderCardLine line : lines) {
            CardSummary card = found.get(line.iccid());
            rows.add(new OrderCardView(
                    line.position(),
                    line.iccid(),
                    line.replaces(),
                    card == null ? null : card.id(),
                    card == null ? null : card.state(),
                    card == null ? null : card.agentId(),
                    card == null ? null : card.enterpriseId()));
        }
        return CursorPage.of(rows, limit, row -> Cursor.ofId(row.position()));
    }

    /** Open orders the actor may see. */
    @Transactional(readOnly = true)
    public long countOpen() {
        return orders.count(orders.visible()
                .and((root, query, cb) -> cb.equal(root.get("status"), OrderStatus.AWAITING_VERIFICATION)));
    }

    /** Open rebind orders that no OPS user decided yet. */
    @Transactional(readOnly = true)
    public long countAwaitingDecision() {
        return orders.count(orders.visible()
                .and((root, query, cb) -> cb.and(
                        cb.equal(root.get("status"), OrderStatus.AWAITING_VERIFICATION),
                        cb.equal(root.get("type"), OrderType.REBIND_IMEI),
                        cb.isNull(root.get("decision")))));
    }

    /** The verified enterprises an agent may submit orders for (for the page's select). */
    public List<EnterpriseView> enterprisesForOrders() {
        return enterprises.verified();
    }

    /** The name of an enterprise the actor may see, for labels. */
    public java.util.Optional<String> enterpriseName(long enterpriseId) {
        return enterprises.find(enterpriseId).map(EnterpriseView::name);
    }

    private void requireVerified(long enterpriseId) {
        EnterpriseView enterprise = enterprises.find(enterpriseId).orElseThrow(NotFoundException::new);
        EnterpriseStanding standing = enterprises.standing(enterprise.id()).orElseThrow(NotFoundException::new);
        List<String> missing = new ArrayList<>();
        if (!standing.verified()) {
            missing.add("ENTERPRISE_NOT_VERIFIED");
        }
        if (!standing.responsiblePersonCurrent()) {
            missing.add("RESPONSIBLE_PERSON_MISSING");
        }
        if (!missing.isEmpty()) {
            throw new DomainException(ErrorCode.REAL_NAME_INCOMPLETE, "order.enterpriseNotReady", enterprise.name())
                    .with("missing", missing)
                    .with("enterpriseId", enterprise.id());
        }
    }

    private LocalDate today() {
        return ChinaTime.today(clock);
    }
}
