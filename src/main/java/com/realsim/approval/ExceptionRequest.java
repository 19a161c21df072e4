package com.realsim.approval;

import com.realsim.platform.Actor;
import com.realsim.platform.Tenanted;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.MessageArguments;
import com.realsim.platform.review.Review;
import com.realsim.platform.review.ReviewTerms;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A request for an exception to one card's end-user real-name requirement. An agent opens it for a card whose
 * requirement allows exactly this kind of approval; OPS approve it (with the signed approval document attached) or
 * reject it (saying why). Nobody decides a request they submitted. While pending, one OPS user may hold it (claim) so
 * that a team can work through the queue without deciding the same request twice.
 */
@Entity
@Table(name = "exception_request")
@Tenanted(agent = "agentId", enterprise = "enterpriseId")
class ExceptionRequest extends AbstractAggregateRoot<ExceptionRequest> {

    static final int MAX_TEXT = 1000;

    /** The refusals of maker-checker and of a colleague's hold, as the approval pages and API have always worded them. */
    static final ReviewTerms TERMS = new ReviewTerms("approval.selfApproval", "approval.heldByAnother", true);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private long cardId;

    @Column(nullable = false, updatable = false)
    private String iccid;

    @Column(nullable = false, updatable = false)
    private Long agentId;

    private Long enterpriseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ExceptionKind kind;

    @Column(nullable = false, updatable = false)
    private String requirementCode;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExceptionStatus status;

    @Column(nullable = false, updatable = false)
    private String requestedByName;

    @Embedded
    @AttributeOverride(name = "submittedBy", column = @Column(name = "requested_by", updatable = false))
    @AttributeOverride(name = "submittedAt", column = @Column(name = "requested_at", updatable = false))
    private Review review;

    @Version
    private int version;

    protected ExceptionRequest() {}

    private ExceptionRequest(CardEligibility card, ExceptionKind kind, String reason, Actor agent, Instant now) {
        this.cardId = card.cardId();
        this.iccid = card.iccid();
        this.agentId = agent.agentId();
        this.enterpriseId = card.enterpriseId();
        this.kind = kind;
        this.requirementCode = card.requirementCode();
        this.reason = reason;
        this.status = ExceptionStatus.PENDING;
        this.requestedByName = agent.name();
        this.review = Review.submittedBy(agent, now);
    }

    /**
     * Opens a request of an agent for a card, if the card's requirement allows exactly this kind of exception.
     *
     * @throws DomainException {@code EXCEPTION_NOT_ALLOWED}, naming why, when the card needs no exception, allows none
     *     (149 numbers with non-directional voice or SMS), or allows another kind
     */
    static ExceptionRequest open(CardEligibility card, ExceptionKind kind, String reason, Actor agent, Instant now) {
        refuseUnlessAllowed(card, kind);
        if (agent.agentId() == null) {
            throw new IllegalArgumentException("An exception is requested by an agent");
        }
        return new ExceptionRequest(card, kind, reason, agent, now);
    }

    /** The exception rules of the domain: which kind fits which card, and why a request is refused. */
    static void refuseUnlessAllowed(CardEligibility card, ExceptionKind kind) {
        Objects.requireNonNull(kind, "kind");
        if (card.allowed().permits(kind)) {
            return;
        }
        String messageKey = switch (card.allowed()) {
            case NOT_ALLOWED -> "approval.refused.NOT_ALLOWED";
            case NOT_NEEDED -> "approval.refused.NOT_NEEDED";
            case PROVINCIAL_APPROVAL -> "approval.refused.onlyProvincial";
            case GROUP_APPROVAL -> "approval.refused.onlyGroup";
        };
        ExceptionKind possible = card.allowed().requestableKind();
        throw new DomainException(
                        ErrorCode.EXCEPTION_NOT_ALLOWED,
                        messageKey,
                        MessageArguments.label("card.requirement." + card.requirementCode(), card.requirementCode()))
                .with("requirement", card.requirementCode())
                .with("allowed", card.allowed().name())
                .with("requestedKind", kind.name())
                .with("possibleKinds", possible == null ? List.of() : List.of(possible.name()));
    }

    /** After the first save, when the id is known. */
    ExceptionRequest requested(Actor by) {
        registerEvent(new ExceptionRequested(
                id,
                cardId,
                iccid,
                kind,
                requirementCode,
                reason,
                by.name(),
                by.role(),
                review.submittedAt(),
                agentId,
                enterpriseId));
        return this;
    }

    /** A pending request may receive the signed approval document. */
    void requireOpenForDocuments() {
        if (status != ExceptionStatus.PENDING) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "approval.notPending", status);
        }
    }

    /** An OPS user takes the request to work on it; refused while a colleague holds it. */
    void claim(Actor ops, Instant now) {
        requirePending();
        if (review.claim(ops, now, TERMS)) {
            registerEvent(new ExceptionAssignmentChanged(
                    id,
                    ExceptionAssignmentChanged.CLAIMED,
                    ops.name(),
                    ops.role(),
                    ops.name(),
                    now,
                    agentId,
                    enterpriseId));
        }
    }

    /**
     * Gives the request back to the queue. Any OPS user may release it, so that a request held by someone who is away
     * does not wait for them; the trail records who released whose claim.
     */
    void release(Actor ops, Instant now) {
        requirePending();
        review.release()
                .ifPresent(previous -> registerEvent(new ExceptionAssignmentChanged(
                        id,
                        ExceptionAssignmentChanged.RELEASED,
                        ops.name(),
                        ops.role(),
                        previous,
                        now,
                        agentId,
                        enterpriseId)));
    }

    /**
     * Approves the exception. The card's current eligibility is checked again: the approval must still fit the card's
     * requirement at the moment of the decision.
     *
     * @param card the card as it is now
     * @param documented whether the signed approval document is attached
     */
    void approve(CardEligibility card, boolean documented, String note, Actor ops, Instant now) {
        requirePending();
        review.requireDecidableBy(ops, TERMS);
        if (card.cardId() != cardId) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "approval.cardReplaced");
        }
        refuseUnlessAllowed(card, kind);
        if (!documented) {
            throw new DomainException(ErrorCode.DOCUMENTS_MISSING, "approval.documentMissing")
                    .with("kinds", List.of(ExceptionService.DOCUMENT_KIND));
        }
        if (card.enterpriseId() != null) {
            enterpriseId = card.enterpriseId();
        }
        decide(ExceptionStatus.APPROVED, note, ops, now);
        registerEvent(new ExceptionApproved(
                id, cardId, iccid, kind, ops.name(), now, ops.role(), agentId, enterpriseId, note));
    }

    void reject(String why, Actor ops, Instant now) {
        requirePending();
        review.requireDecidableBy(ops, TERMS);
        if (why == null || why.strip().length() < 2) {
            throw new IllegalArgumentException("A rejection says why");
        }
        decide(ExceptionStatus.REJECTED, why, ops, now);
        registerEvent(new ExceptionRejected(
                id, cardId, iccid, kind, ops.name(), now, why, ops.role(), agentId, enterpriseId));
    }

    private void decide(ExceptionStatus outcome, String note, Actor ops, Instant now) {
        review.decide(ops, note, now, TERMS);
        status = outcome;
    }

    private void requirePending() {
        if (status != ExceptionStatus.PENDING) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "approval.notPending", status);
        }
    }

    Review review() {
        return review;
    }

    Long id() {
        return id;
    }

    long cardId() {
        return cardId;
    }

    String iccid() {
        return iccid;
    }

    long agentId() {
        return agentId;
    }

    Long enterpriseId() {
        return enterpriseId;
    }

    ExceptionKind kind() {
        return kind;
    }

    ExceptionStatus status() {
        return status;
    }

    ExceptionView view() {
        return new ExceptionView(
                id,
                cardId,
                iccid,
                kind,
                status,
                requirementCode,
                reason,
                agentId,
                enterpriseId,
                requestedByName,
                review.submittedAt(),
                review.holderName(),
                review.heldSince(),
                review.decidedByName(),
                review.decidedAt(),
                review.reason());
    }

    ApprovedException approval() {
        if (status != ExceptionStatus.APPROVED) {
            throw new IllegalStateException("Exception request " + id + " is not approved");
        }
        return new ApprovedException(
                id, cardId, iccid, kind, requirementCode, review.decidedByName(), review.decidedAt());
    }
}
