package com.realsim.platform.review;

import com.realsim.platform.Actor;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.jpa.domain.Specification;

/**
 * Maker-checker review of one record: who submitted it, who holds it in the queue, who decided it, when and why.
 * Embedded in every aggregate that OPS review (exception requests, verification cases, rebind orders, enterprise
 * registrations and change requests). The aggregate keeps its status, its own checks and its events, and asks this
 * value for the rules every review shares:
 *
 * <ul>
 *   <li>nobody claims or decides what they submitted ({@code SELF_APPROVAL}), under any role: the maker is known by
 *       {@link Actor#principalKey()}, so a user and an API client with the same number are two people;
 *   <li>a held record is decided by its holder only; claiming what one holds and releasing what nobody holds change
 *       nothing; anyone may release a colleague's hold, so that a record held by someone away does not wait;
 *   <li>deciding ends the hold.
 * </ul>
 *
 * <p>The columns default to {@code submitted_by}, {@code submitted_at}, {@code assigned_to}, {@code
 * assigned_to_name}, {@code assigned_at}, {@code decided_by}, {@code decided_by_name}, {@code decided_at} and {@code
 * decision_reason}; an aggregate whose table names them otherwise maps them with {@code @AttributeOverride} (which can
 * also make the maker's columns {@code updatable = false}). The embedded field is always called {@code review}: queue
 * filters ({@link Holder}) and sorts address {@code review.assignedTo} and {@code review.submittedAt}.
 *
 * <p>Hibernate reads a review whose columns are all null (a draft nobody submitted yet) as a null field; such an
 * aggregate starts from {@link #notSubmitted()} and replaces a null it loads with it.
 */
@Embeddable
public class Review {

    /** The decider of automatic decisions, recorded as key and name. */
    public static final String SYSTEM = "system";

    /** The maker's principal key, or another key for makers that are no actor (an end user's self-service link). */
    private String submittedBy;

    private Instant submittedAt;

    /** The holder's principal key. */
    private String assignedTo;

    private String assignedToName;

    private Instant assignedAt;

    /** The checker's principal key, or {@link #SYSTEM}. */
    private String decidedBy;

    private String decidedByName;

    private Instant decidedAt;

    private String decisionReason;

    protected Review() {}

    /** A record submitted by an actor now. */
    public static Review submittedBy(Actor maker, Instant now) {
        return submittedBy(maker.principalKey(), now);
    }

    /** A record submitted by a maker that is no actor, such as an end user's link ({@code SELF_SERVICE:<link id>}). */
    public static Review submittedBy(String makerKey, Instant now) {
        Review review = new Review();
        review.submittedBy = Objects.requireNonNull(makerKey, "makerKey");
        review.submittedAt = Objects.requireNonNull(now, "now");
        return review;
    }

    /** A record not submitted yet (a draft): nobody is its maker until {@link #resubmittedBy}. */
    public static Review notSubmitted() {
        return new Review();
    }

    /**
     * Submitted (again, after a rejection): the maker and the time are this one's, the last decision's reason is
     * cleared; who decided last and when stay readable until the next decision.
     */
    public void resubmittedBy(Actor maker, Instant now) {
        submittedBy = maker.principalKey();
        submittedAt = now;
        decisionReason = null;
    }

    // --- the queue ------------------------------------------------------------------------------------------------

    /**
     * Takes the record for this reviewer.
     *
     * @return false when they hold it already (nothing changed)
     * @throws com.realsim.platform.error.DomainException {@code SELF_APPROVAL} for the maker; the held-by-another
     *     refusal of {@code terms} while a colleague holds it
     */
    public boolean claim(Actor reviewer, Instant now, ReviewTerms terms) {
        refuseMaker(reviewer, terms);
        if (heldBy(reviewer)) {
            return false;
        }
        refuseIfHeldByAnother(reviewer, terms);
        assignedTo = reviewer.principalKey();
        assignedToName = reviewer.name();
        assignedAt = now;
        return true;
    }

    /** Gives the record back to the queue: the previous holder's name, or empty when nobody held it (no change). */
    public Optional<String> release() {
        if (assignedTo == null) {
            return Optional.empty();
        }
        String previous = assignedToName;
        endHold();
        return Optional.of(previous);
    }

    // --- the decision ---------------------------------------------------------------------------------------------

    /**
     * The checks every review makes before a decision, in this order: the maker may not decide ({@code
     * SELF_APPROVAL}), then a colleague's hold. An aggregate calls it before its own checks, so that its refusals come
     * in the same order everywhere.
     */
    public void requireDecidableBy(Actor checker, ReviewTerms terms) {
        refuseMaker(checker, terms);
        refuseIfHeldByAnother(checker, terms);
    }

    /**
     * Records the decision of a checker (the aggregate sets its own status) and ends the hold. Checks {@link
     * #requireDecidableBy} again, so that no aggregate can record a decision the rules refuse.
     */
    public void decide(Actor checker, String reason, Instant now, ReviewTerms terms) {
        requireDecidableBy(checker, terms);
        record(checker.principalKey(), checker.name(), reason, now);
    }

    /** Records an automatic decision (every check of a verification passed) and ends the hold. */
    public void decideAsSystem(String reason, Instant now) {
        record(SYSTEM, SYSTEM, reason, now);
    }

    private void record(String byKey, String byName, String reason, Instant now) {
        decidedBy = byKey;
        decidedByName = byName;
        decidedAt = now;
        decisionReason = reason;
        endHold();
    }

    private void endHold() {
        assignedTo = null;
        assignedToName = null;
        assignedAt = null;
    }

    private void refuseMaker(Actor actor, ReviewTerms terms) {
        if (submittedBy(actor)) {
            throw terms.selfApproval();
        }
    }

    private void refuseIfHeldByAnother(Actor actor, ReviewTerms terms) {
        if (held() && !heldBy(actor)) {
            throw terms.heldByAnother(assignedToName);
        }
    }

    // --- reading --------------------------------------------------------------------------------------------------

    /** Whether this actor submitted the record, and so may not decide it. */
    public boolean submittedBy(Actor actor) {
        return actor != null && actor.principalKey().equals(submittedBy);
    }

    /** Whether this actor holds the record. */
    public boolean heldBy(Actor actor) {
        return actor != null && actor.principalKey().equals(assignedTo);
    }

    public boolean held() {
        return assignedTo != null;
    }

    /** The maker's key ({@code USER:12}, {@code API_CLIENT:3}, {@code SELF_SERVICE:5}); null before submission. */
    public String submitterKey() {
        return submittedBy;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    /** The holder's principal key, or null: for views that tell a reader whether they hold it. */
    public String holderKey() {
        return assignedTo;
    }

    /** The holder's name, or null. */
    public String holderName() {
        return assignedToName;
    }

    public Instant heldSince() {
        return assignedAt;
    }

    /** The checker's name, or {@link #SYSTEM}; null while undecided. */
    public String decidedByName() {
        return decidedByName;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    /** Why it was decided so; null where the decision needed no reason. */
    public String reason() {
        return decisionReason;
    }

    /** Whose records a queue lists: anyone's, the current reviewer's, or nobody's. */
    public enum Holder {
        ANYONE,
        ME,
        NOBODY;

        /**
         * The condition on an aggregate whose review is its field {@code review}.
         *
         * @param me the reader; without one, nothing is theirs
         */
        public <T> Specification<T> matching(Actor me) {
            if (this == ME) {
                if (me == null) {
                    return (root, query, cb) -> cb.disjunction();
                }
                String key = me.principalKey();
                return (root, query, cb) -> cb.equal(root.get("review").get("assignedTo"), key);
            }
            if (this == NOBODY) {
                return (root, query, cb) -> cb.isNull(root.get("review").get("assignedTo"));
            }
            return (root, query, cb) -> cb.conjunction();
        }
    }
}
