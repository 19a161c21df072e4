package com.realsim.order;

import com.realsim.document.DocumentService;
import com.realsim.document.DocumentSummary;
import com.realsim.document.NewDocument;
import com.realsim.identity.PersonalData;
import com.realsim.platform.Actor;
import com.realsim.platform.ChinaTime;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.verification.NewVerificationCase;
import com.realsim.verification.VerificationCaseView;
import com.realsim.verification.VerificationKind;
import com.realsim.verification.VerificationService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactions an order moves through, each committed on its own. Completing an order runs the card module's
 * effects in a transaction of its own ({@code REQUIRES_NEW}): when the card module refuses, that transaction rolls
 * back entirely (nothing half-done on any card) and a second one records the rejection with the refusal's reason.
 * A refusal inside the triggering transaction could not be caught there (the card module's own transactional
 * methods mark the transaction rollback-only), hence the separate transactions. {@link OrderService} calls them in
 * sequence.
 */
@Component
@RequiredArgsConstructor
class OrderSteps {

    static final String DOCUMENT_OWNER = "ORDER";

    private final BusinessOrders orders;
    private final OrderCardRows cards;
    private final CompletedOrderEffects effects;
    private final DocumentService documents;
    private final VerificationService verifications;
    private final PersonalData personalData;
    private final Clock clock;

    /**
     * Stores a photo of an open order (visible to the acting agent) and, once the handler's ID photo and on-site photo
     * are both there, opens the handler's person-to-ID comparison with them.
     */
    @Transactional
    DocumentSummary attach(long orderId, OrderDocumentKind kind, byte[] content, Actor agent) {
        BusinessOrder order = orders.getVisible(orderId);
        if (kind == OrderDocumentKind.HANDLER_PHOTO) {
            if (!order.type().needsComparison()) {
                throw new DomainException(
                        ErrorCode.ILLEGAL_STATE_TRANSITION, "order.noHandlerPhotoForType", order.type());
            }
        } else if (!order.type().uploadableDocuments().contains(kind)) {
            throw new com.realsim.platform.error.ValidationException(new FieldProblem(
                    "kind", ErrorCode.VALIDATION_FAILED, "order.documentKindNotForType", order.type()));
        }
        order.requireOpen();
        DocumentSummary stored = documents.store(new NewDocument(
                DOCUMENT_OWNER,
                order.id(),
                kind.name(),
                order.agentId(),
                order.enterpriseId(),
                kind.readers(),
                agent,
                content));
        if (order.supersede(kind, now())) {
            orders.flush(); // the earlier document leaves the one-current-per-kind index before the new one comes
        }
        order.attach(kind, stored.id(), agent, now());
        if (order.readyForComparison()) {
            VerificationCaseView opened = verifications.open(new NewVerificationCase(
                    VerificationKind.HANDLER,
                    DOCUMENT_OWNER,
                    order.id(),
                    order.number(),
                    order.agentId(),
                    order.enterpriseId(),
                    order.handlerName(personalData),
                    order.handlerIdDocument(personalData),
                    order.documentId(OrderDocumentKind.HANDLER_ID),
                    null,
                    order.documentId(OrderDocumentKind.HANDLER_PHOTO),
                    agent));
            order.comparisonOpened(opened.id(), opened.status().name());
        }
        orders.save(order);
        return stored;
    }

    /** OPS decide an open rebind order (visible to them). */
    @Transactional
    void decide(long orderId, boolean approve, String reason, Actor ops) {
        BusinessOrder order = orders.getVisible(orderId);
        order.decide(approve, reason, ops, now());
        if (!order.status().open()) {
            cards.close(order.id());
        }
        orders.save(order);
    }

    /**
     * Records a decision of an order's comparison. Answers whether it concerned an open order of this case; a
     * rejection closes the order.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean comparisonDecided(long orderId, long caseId, boolean approved, String reason) {
        BusinessOrder order = orders.lockById(orderId).orElse(null);
        if (order == null || !order.comparisonDecided(caseId, approved, reason, now())) {
            return false;
        }
        if (!order.status().open()) {
            cards.close(order.id());
        }
        orders.save(order);
        return true;
    }

    /**
     * Completes the order if it waits for nothing any more: the handler's authorisation must still hold, and the card
     * module's effects run in this transaction. Answers whether it completed.
     *
     * @throws DomainException the refusal (of the card module, or an expired authorisation); this transaction is
     *     then rolled back entirely
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean completeIfReady(long orderId, Actor by) {
        BusinessOrder order = orders.lockById(orderId).orElseThrow();
        if (!order.readyToComplete()) {
            return false;
        }
        if (!order.handlerAuthorisedOn(ChinaTime.today(clock))) {
            throw new DomainException(ErrorCode.AUTHORIZATION_EXPIRED, "order.rejection.AUTHORIZATION_EXPIRED");
        }
        effects.apply(order, cards.all(order.id()), by);
        order.complete(by, now());
        cards.close(order.id());
        orders.save(order);
        return true;
    }

    /** Rejects the order because its completion was refused, with the refusal's code and reason. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void rejectBecause(long orderId, DomainException refusal, Actor by) {
        BusinessOrder order = orders.lockById(orderId).orElseThrow();
        if (!order.status().open()) {
            return;
        }
        String messageKey = refusal.messageKey();
        Object[] arguments = refusal.messageArguments();
        if (!refusal.fieldProblems().isEmpty()) {
            FieldProblem first = refusal.fieldProblems().get(0);
            messageKey = first.messageKey();
            arguments = first.arguments();
        }
        Object iccid = refusal.details().get("iccid");
        order.reject(refusal.code().name(), messageKey, arguments, iccid == null ? null : iccid.toString(), by, now());
        cards.close(order.id());
        orders.save(order);
    }

    /** The order as the current actor sees it, after the steps above (they run outside a transaction). */
    @Transactional(readOnly = true)
    OrderView view(long orderId) {
        return orders.getVisible(orderId).view();
    }

    /** Now, to the microsecond that PostgreSQL keeps, so that a view before and after a reload agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
