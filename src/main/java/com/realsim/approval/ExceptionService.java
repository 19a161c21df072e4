package com.realsim.approval;

import com.realsim.document.DocumentService;
import com.realsim.document.DocumentSummary;
import com.realsim.document.NewDocument;
import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.review.DecisionReason;
import com.realsim.platform.review.Review;
import com.realsim.platform.web.Cursor;
import com.realsim.platform.web.CursorPage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exception requests: agents request and document them, OPS claim, approve and reject them with maker-checker, and
 * every role reads those of its tenant. What a card allows comes from the card module's {@link ExceptionEligibility},
 * asked as the current actor, so a card the actor may not see is simply not found.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ExceptionService {

    /** The owner type and kind of the signed approval document in the document module. */
    public static final String DOCUMENT_OWNER = "EXCEPTION";

    public static final String DOCUMENT_KIND = "APPROVAL_DOCUMENT";

    /** The approval document is for the operator and the agent; the enterprise sees the decision, not the letter. */
    static final Set<Role> DOCUMENT_READERS = Set.of(Role.OPS, Role.AGENT);

    private static final ExceptionEligibility NO_CARDS = iccid -> Optional.empty();

    private final ExceptionRequests requests;
    private final ObjectProvider<ExceptionEligibility> eligibility;
    private final DocumentService documents;
    private final Clock clock;

    /**
     * The card with this ICCID as the current actor sees it, with the exception its requirement allows: what the
     * request form shows.
     *
     * @throws NotFoundException when the card does not exist or is not the actor's
     */
    @Transactional(readOnly = true)
    public CardEligibility eligibility(String iccid) {
        return card(iccid);
    }

    /**
     * An agent asks for an exception for a card.
     *
     * @throws DomainException {@code EXCEPTION_NOT_ALLOWED} (422) when the card's requirement allows no exception,
     *     needs none, or allows another kind; {@code DUPLICATE} (409) when the card already has a pending request or
     *     an approved exception; {@code NOT_FOUND} for a card the agent may not see
     */
    @Transactional
    public ExceptionView request(String iccid, ExceptionKind kind, String reason) {
        Actor agent = CurrentActor.require(Role.AGENT);
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(new FieldProblem("kind", ErrorCode.VALIDATION_FAILED, "NotNull"));
        }
        String why = requestReason(reason, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        CardEligibility card = card(iccid);
        if (card.agentId() != null && !card.agentId().equals(agent.agentId())) {
            throw new NotFoundException(); // the card module's scope should have hidden it already
        }
        ExceptionRequest.refuseUnlessAllowed(card, kind);
        refuseExisting(card.cardId());
        try {
            ExceptionRequest request =
                    requests.saveAndFlush(ExceptionRequest.open(card, kind, why, agent, clock.instant()));
            return requests.save(request.requested(agent)).view();
        } catch (DataIntegrityViolationException concurrent) {
            // another request for the same card was committed between the check and the insert
            throw new DomainException(ErrorCode.DUPLICATE, "approval.alreadyPending");
        }
    }

    /**
     * Stores the signed approval document of a pending request (JPEG, PNG or PDF, checked by content in the document
     * module). A request may carry several files (pages).
     */
    @Transactional
    public DocumentSummary attachDocument(long id, byte[] content) {
        Actor agent = CurrentActor.require(Role.AGENT);
        ExceptionRequest request = requests.getVisible(id);
        request.requireOpenForDocuments();
        return documents.store(new NewDocument(
                DOCUMENT_OWNER,
                id,
                DOCUMENT_KIND,
                request.agentId(),
                request.enterpriseId(),
                DOCUMENT_READERS,
                agent,
                content));
    }

    /** An OPS user takes a pending request to work on it. */
    @Transactional
    public ExceptionView claim(long id) {
        Actor ops = CurrentActor.require(Role.OPS);
        return change(id, request -> request.claim(ops, clock.instant()));
    }

    /** Gives a pending request back to the queue. */
    @Transactional
    public ExceptionView release(long id) {
        Actor ops = CurrentActor.require(Role.OPS);
        return change(id, request -> request.release(ops, clock.instant()));
    }

    /**
     * OPS approve a request: the card's end-user real-name requirement is then satisfied by it, and {@link
     * ExceptionApproved} tells the card module.
     *
     * @throws DomainException {@code SELF_APPROVAL} (403) for the request's own submitter; {@code DOCUMENTS_MISSING}
     *     (422) without the signed approval document; {@code EXCEPTION_NOT_ALLOWED} when the card's requirement no
     *     longer allows this kind; {@code ILLEGAL_STATE_TRANSITION} (409) when it is decided already or a colleague
     *     holds it
     */
    @Transactional
    public ExceptionView approve(long id, String reason) {
        Actor ops = CurrentActor.require(Role.OPS);
        String note = DecisionReason.optional(reason);
        return change(id, request -> {
            CardEligibility card = eligibility
                    .getIfAvailable(() -> NO_CARDS)
                    .forCard(request.iccid())
                    .orElseThrow(() ->
                            new DomainException(ErrorCode.EXCEPTION_NOT_ALLOWED, "approval.cardGone", request.iccid()));
            request.approve(card, !approvalDocuments(id).isEmpty(), note, ops, clock.instant());
        });
    }

    /** OPS reject a request; the reason is required and shown to the agent. */
    @Transactional
    public ExceptionView reject(long id, String reason) {
        Actor ops = CurrentActor.require(Role.OPS);
        String why = DecisionReason.required(reason);
        return change(id, request -> request.reject(why, ops, clock.instant()));
    }

    @Transactional(readOnly = true)
    public ExceptionView get(long id) {
        return requests.getVisible(id).view();
    }

    /** The request with the documents the current actor may read and what the actor may do with it. */
    @Transactional(readOnly = true)
    public ExceptionFile file(long id) {
        Actor actor = CurrentActor.get();
        ExceptionRequest request = requests.getVisible(id);
        return new ExceptionFile(
                request.view(),
                approvalDocuments(id),
                request.review().submittedBy(actor),
                request.review().heldBy(actor));
    }

    /** A page of the requests the current actor may see. */
    @Transactional(readOnly = true)
    public CursorPage<ExceptionView> list(ExceptionFilter filter, String cursor, Integer size) {
        int limit = Cursor.size(size);
        Long after = Cursor.decodeId(cursor);
        Specification<ExceptionRequest> condition = requests.visible().and(matching(filter));
        if (after != null) {
            condition = condition.and((root, query, cb) ->
                    filter.oldestFirst() ? cb.greaterThan(root.get("id"), after) : cb.lessThan(root.get("id"), after));
        }
        Sort order = Sort.by(filter.oldestFirst() ? Sort.Direction.ASC : Sort.Direction.DESC, "id");
        List<ExceptionView> rows = requests.findAll(condition, PageRequest.of(0, limit + 1, order)).stream()
                .map(ExceptionRequest::view)
                .toList();
        return CursorPage.of(rows, limit, row -> Cursor.ofId(row.id()));
    }

    /** The requests for one card that the current actor may see, newest first: for the card page. */
    @Transactional(readOnly = true)
    public List<ExceptionView> forCard(long cardId) {
        return requests
                .findAll(
                        requests.visible().and((root, query, cb) -> cb.equal(root.get("cardId"), cardId)),
                        Sort.by(Sort.Direction.DESC, "id"))
                .stream()
                .map(ExceptionRequest::view)
                .toList();
    }

    /** The numbers above the queue and on the dashboard, within the current actor's scope. */
    @Transactional(readOnly = true)
    public QueueSummary summary() {
        Specification<ExceptionRequest> visible = requests.visible();
        Specification<ExceptionRequest> pending = visible.and(status(ExceptionStatus.PENDING));
        var oldest = requests.findAll(pending, PageRequest.of(0, 1, Sort.by("review.submittedAt", "id"))).stream()
                .findFirst()
                .map(r -> r.view().requestedAt())
                .orElse(null);
        return new QueueSummary(
                requests.count(pending),
                requests.count(pending.and(kind(ExceptionKind.PROVINCIAL_APPROVAL))),
                requests.count(pending.and(kind(ExceptionKind.GROUP_APPROVAL))),
                requests.count(pending.and(Review.Holder.NOBODY.matching(null))),
                requests.count(pending.and(
                        Review.Holder.ME.matching(CurrentActor.find().orElse(null)))),
                requests.count(visible.and(status(ExceptionStatus.APPROVED))),
                requests.count(visible.and(status(ExceptionStatus.REJECTED))),
                oldest);
    }

    /** How many requests within the current actor's scope wait for a decision: the dashboard's number. */
    @Transactional(readOnly = true)
    public long pendingCount() {
        return requests.count(requests.visible().and(status(ExceptionStatus.PENDING)));
    }

    /**
     * The approved exception of a card, if it has one: for the card module, which names it on the card's page. Not
     * scoped: the caller has already loaded its card through the actor's scope.
     */
    @Transactional(readOnly = true)
    public Optional<ApprovedException> approvedExceptionFor(long cardId) {
        return requests.findByCardIdAndStatus(cardId, ExceptionStatus.APPROVED).map(ExceptionRequest::approval);
    }

    private CardEligibility card(String iccid) {
        if (iccid == null || iccid.isBlank()) {
            throw new NotFoundException();
        }
        return eligibility.getIfAvailable(() -> NO_CARDS).forCard(iccid.strip()).orElseThrow(NotFoundException::new);
    }

    private void refuseExisting(long cardId) {
        Optional<ExceptionRequest> approved = requests.findByCardIdAndStatus(cardId, ExceptionStatus.APPROVED);
        if (approved.isPresent()) {
            throw new DomainException(ErrorCode.DUPLICATE, "approval.alreadyApproved")
                    .with("existingId", approved.get().id());
        }
        Optional<ExceptionRequest> pending = requests.findByCardIdAndStatus(cardId, ExceptionStatus.PENDING);
        if (pending.isPresent()) {
            DomainException refusal = new DomainException(ErrorCode.DUPLICATE, "approval.alreadyPending");
            // the id only when the actor may open it
            requests.findVisible(pending.get().id()).ifPresent(mine -> refusal.with("existingId", mine.id()));
            throw refusal;
        }
    }

    private List<DocumentSummary> approvalDocuments(long id) {
        return documents.list(DOCUMENT_OWNER, id).stream()
                .filter(d -> d.kind().equals(DOCUMENT_KIND))
                .toList();
    }

    /**
     * An OPS act on a visible request, saved at once so that a colleague's concurrent decision answers 409 here rather
     * than failing the commit.
     */
    private ExceptionView change(long id, Consumer<ExceptionRequest> act) {
        ExceptionRequest request = requests.getVisible(id);
        act.accept(request);
        try {
            return requests.saveAndFlush(request).view();
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException concurrent) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "approval.changedMeanwhile");
        }
    }

    private static Specification<ExceptionRequest> matching(ExceptionFilter filter) {
        Specification<ExceptionRequest> condition = (root, query, cb) -> cb.conjunction();
        if (filter.status() != null) {
            condition = condition.and(status(filter.status()));
        }
        if (filter.kind() != null) {
            condition = condition.and(kind(filter.kind()));
        }
        if (filter.assignee() != null) {
            condition = condition.and(
                    filter.assignee().holder().matching(CurrentActor.find().orElse(null)));
        }
        return condition;
    }

    private static Specification<ExceptionRequest> status(ExceptionStatus status) {
        return (root, query, cb) -> cb.equal(root.get("status"), status);
    }

    private static Specification<ExceptionRequest> kind(ExceptionKind kind) {
        return (root, query, cb) -> cb.equal(root.get("kind"), kind);
    }

    /** The agent's reason for a request: required, 2 to {@value ExceptionRequest#MAX_TEXT} characters. */
    private static String requestReason(String value, List<FieldProblem> problems) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            problems.add(new FieldProblem("reason", ErrorCode.VALIDATION_FAILED, "NotBlank"));
        } else if (stripped.length() < 2 || stripped.length() > ExceptionRequest.MAX_TEXT) {
            problems.add(new FieldProblem(
                    "reason", ErrorCode.VALIDATION_FAILED, "Size", "reason", ExceptionRequest.MAX_TEXT, 2));
        }
        return stripped;
    }
}
