package com.realsim.platform.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules every review shares, on the value alone: maker-checker, the hold, automatic decisions, reasons. */
class ReviewTest {

    static final Instant SUBMITTED = Instant.parse("2026-03-01T08:00:00Z");
    static final Instant LATER = Instant.parse("2026-03-01T09:30:00Z");

    static final Actor MAKER = new Actor(Actor.Kind.USER, 11, "li-agent", Role.AGENT, 7L, null);
    static final Actor OPS = new Actor(Actor.Kind.USER, 21, "wang-ops", Role.OPS, null, null);
    static final Actor OTHER_OPS = new Actor(Actor.Kind.USER, 22, "zhao-ops", Role.OPS, null, null);

    static final ReviewTerms TERMS = new ReviewTerms("test.selfApproval", "test.heldByAnother", true);

    static DomainException refusal(Runnable act) {
        try {
            act.run();
        } catch (DomainException refused) {
            return refused;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void nobodyClaimsOrDecidesWhatTheySubmittedEvenUnderAnotherRole() {
        Review review = Review.submittedBy(MAKER, SUBMITTED);
        Actor sameAccountAsOps = new Actor(Actor.Kind.USER, MAKER.id(), MAKER.name(), Role.OPS, null, null);
        for (Runnable act : new Runnable[] {
            () -> review.claim(sameAccountAsOps, LATER, TERMS),
            () -> review.requireDecidableBy(sameAccountAsOps, TERMS),
            () -> review.decide(sameAccountAsOps, "fine", LATER, TERMS)
        }) {
            DomainException refused = refusal(act);
            assertThat(refused.code()).isEqualTo(ErrorCode.SELF_APPROVAL);
            assertThat(refused.messageKey()).isEqualTo("test.selfApproval");
        }
        assertThat(review.held()).isFalse();
        assertThat(review.decidedAt()).isNull();
        assertThat(review.submittedBy(sameAccountAsOps)).isTrue();

        // an API client with the same number is another principal
        Actor client = new Actor(Actor.Kind.API_CLIENT, MAKER.id(), "ops-robot", Role.OPS, null, null);
        review.decide(client, "checked", LATER, TERMS);
        assertThat(review.decidedByName()).isEqualTo("ops-robot");
    }

    @Test
    void theDefaultTermsUseTheErrorCodesOwnTextAndANeutralHold() {
        Review review = Review.submittedBy(MAKER, SUBMITTED);
        assertThat(refusal(() -> review.requireDecidableBy(MAKER, ReviewTerms.DEFAULT))
                        .messageKey())
                .isEqualTo("error.SELF_APPROVAL");
        review.claim(OPS, LATER, ReviewTerms.DEFAULT);
        DomainException held = refusal(() -> review.requireDecidableBy(OTHER_OPS, ReviewTerms.DEFAULT));
        assertThat(held.messageKey()).isEqualTo("review.heldByAnother");
        assertThat(held.details()).doesNotContainKey("assignedTo");
    }

    @Test
    void aHeldRecordIsClaimedAndDecidedByItsHolderOnly() {
        Review review = Review.submittedBy(MAKER, SUBMITTED);
        assertThat(review.claim(OPS, LATER, TERMS)).isTrue();
        assertThat(review.heldBy(OPS)).isTrue();
        assertThat(review.holderName()).isEqualTo("wang-ops");
        assertThat(review.heldSince()).isEqualTo(LATER);

        for (Runnable act : new Runnable[] {
            () -> review.claim(OTHER_OPS, LATER, TERMS),
            () -> review.requireDecidableBy(OTHER_OPS, TERMS),
            () -> review.decide(OTHER_OPS, "mine now", LATER, TERMS)
        }) {
            DomainException refused = refusal(act);
            assertThat(refused.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION);
            assertThat(refused.messageKey()).isEqualTo("test.heldByAnother");
            assertThat(refused.messageArguments()).containsExactly("wang-ops");
            assertThat(refused.details()).containsEntry("assignedTo", "wang-ops");
        }
        assertThat(review.heldBy(OPS)).isTrue();
        assertThat(review.decidedAt()).isNull();

        review.requireDecidableBy(OPS, TERMS);
        review.decide(OPS, "photo matches", LATER, TERMS);
        assertThat(review.decidedByName()).isEqualTo("wang-ops");
        assertThat(review.reason()).isEqualTo("photo matches");
        assertThat(review.held()).as("deciding ends the hold").isFalse();
        assertThat(review.holderName()).isNull();
        assertThat(review.heldSince()).isNull();
    }

    @Test
    void claimingWhatOneHoldsAndReleasingWhatNobodyHoldsChangeNothing() {
        Review review = Review.submittedBy(MAKER, SUBMITTED);
        assertThat(review.release()).as("nobody held it").isEmpty();

        assertThat(review.claim(OPS, SUBMITTED, TERMS)).isTrue();
        assertThat(review.claim(OPS, LATER, TERMS)).as("held already").isFalse();
        assertThat(review.heldSince()).as("the first claim's time stays").isEqualTo(SUBMITTED);

        assertThat(review.release())
                .as("anyone may release: the trail names the previous holder")
                .contains("wang-ops");
        assertThat(review.held()).isFalse();
        assertThat(review.release()).isEmpty();

        assertThat(review.claim(OTHER_OPS, LATER, TERMS)).isTrue();
        assertThat(review.holderName()).isEqualTo("zhao-ops");
    }

    @Test
    void anAutomaticDecisionIsTheSystemsAndEndsAnyHold() {
        Review review = Review.submittedBy("SELF_SERVICE:5", SUBMITTED);
        assertThat(review.submitterKey()).isEqualTo("SELF_SERVICE:5");
        assertThat(review.submittedBy(OPS)).isFalse();
        review.claim(OPS, SUBMITTED, TERMS);

        review.decideAsSystem("automatic: every check passed", LATER);

        assertThat(review.decidedByName()).isEqualTo(Review.SYSTEM);
        assertThat(review.decidedAt()).isEqualTo(LATER);
        assertThat(review.reason()).isEqualTo("automatic: every check passed");
        assertThat(review.held()).isFalse();
    }

    @Test
    void aResubmissionIsTheNewMakersAndClearsTheRejectionsReasonButNotWhoDecided() {
        Review review = Review.notSubmitted();
        assertThat(review.submitterKey()).isNull();
        assertThat(review.submittedBy(MAKER)).isFalse();

        review.resubmittedBy(MAKER, SUBMITTED);
        review.decide(OPS, "certificate unreadable", LATER, TERMS);
        Actor colleague = new Actor(Actor.Kind.USER, 12, "chen-agent", Role.AGENT, 7L, null);
        review.resubmittedBy(colleague, LATER);

        assertThat(review.submitterKey()).isEqualTo("USER:12");
        assertThat(review.submittedAt()).isEqualTo(LATER);
        assertThat(review.reason()).isNull();
        assertThat(review.decidedByName()).isEqualTo("wang-ops");
        assertThat(review.decidedAt()).isEqualTo(LATER);
        assertThat(refusal(() -> review.requireDecidableBy(colleague, TERMS)).code())
                .isEqualTo(ErrorCode.SELF_APPROVAL);
        review.requireDecidableBy(MAKER, TERMS); // the first maker is no longer this submission's
    }

    @Test
    void aReasonHasTwoToAThousandCharactersOnceStripped() {
        assertThat(DecisionReason.required("  ok  ")).isEqualTo("ok");
        assertThat(DecisionReason.required("x".repeat(1000))).hasSize(1000);
        assertThat(DecisionReason.optional(null)).isNull();
        assertThat(DecisionReason.optional("   ")).isNull();
        assertThat(DecisionReason.optional(" fine ")).isEqualTo("fine");

        for (String bad : new String[] {null, "", "   ", " x ", "x".repeat(1001)}) {
            assertThatThrownBy(() -> DecisionReason.required(bad))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            refused -> assertThat(refused.fieldProblems())
                                    .singleElement()
                                    .satisfies(problem -> {
                                        assertThat(problem.field()).isEqualTo("reason");
                                        assertThat(problem.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                                        assertThat(problem.messageKey()).isEqualTo("review.reason.length");
                                        assertThat(problem.arguments()).containsExactly(2, 1000);
                                    }));
        }
        assertThatThrownBy(() -> DecisionReason.optional("x")).isInstanceOf(ValidationException.class);
    }
}
