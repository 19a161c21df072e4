package com.realsim.card.domain;

import static com.realsim.card.domain.CardBuilder.NOW;
import static com.realsim.card.domain.CardBuilder.OPS;
import static com.realsim.card.domain.CardBuilder.aCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.card.BlockingReason;
import com.realsim.card.CardState;
import com.realsim.card.events.CardResumed;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The stack of blocking reasons under any sequence of adds, clears and manual resumes, against a plain set as the
 * model: the card is SUSPENDED exactly while reasons remain, each reason is on the stack at most once, and a resume
 * clears the caller's reason and answers the ones that remain.
 */
class BlockingReasonStackTest {

    enum Kind {
        ADD,
        CLEAR,
        RESUME
    }

    record Step(Kind kind, BlockingReason reason) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.of(BlockingReason.class))
                .as(Step::new);
        return step.list().ofMinSize(0).ofMaxSize(40);
    }

    @Property(tries = 500)
    void aCardIsSuspendedExactlyWhileReasonsRemain(@ForAll("steps") @Size(max = 40) List<Step> steps) {
        Card card = aCard().inState(CardState.ACTIVE).build();
        Set<BlockingReason> model = EnumSet.noneOf(BlockingReason.class);
        List<Object> expectedEvents = new ArrayList<>();

        for (Step step : steps) {
            switch (step.kind()) {
                case ADD -> {
                    boolean added = card.block(step.reason(), "why", null, NOW);
                    assertThat(added).isEqualTo(model.add(step.reason()));
                }
                case CLEAR -> {
                    boolean cleared = card.clear(step.reason(), "done", null, NOW, CardBuilder::complete);
                    assertThat(cleared).isEqualTo(model.remove(step.reason()));
                }
                case RESUME -> {
                    if (model.isEmpty()) {
                        assertRefused(
                                () -> card.resume(step.reason(), "go", OPS, NOW, CardBuilder::complete),
                                ErrorCode.ILLEGAL_STATE_TRANSITION);
                    } else {
                        List<BlockingReason> remaining =
                                card.resume(step.reason(), "go", OPS, NOW, CardBuilder::complete);
                        model.remove(step.reason());
                        assertThat(withNone(remaining)).isEqualTo(withNone(model));
                    }
                }
            }
            assertThat(card.state()).isEqualTo(model.isEmpty() ? CardState.ACTIVE : CardState.SUSPENDED);
            assertThat(EnumSet.copyOf(withNone(card.activeReasons()))).isEqualTo(withNone(model));
            assertThat(card.activeReasons()).doesNotHaveDuplicates();
        }
        expectedEvents.addAll(card.pendingEvents());
        long resumed =
                expectedEvents.stream().filter(e -> e instanceof CardResumed).count();
        long suspendedFromActive = countTransitionsIntoSuspension(steps);
        assertThat(resumed).isBetween(suspendedFromActive - 1, suspendedFromActive);
    }

    /** How often the model went from no reason to some reason: each such suspension can end in one resume. */
    private static long countTransitionsIntoSuspension(List<Step> steps) {
        Set<BlockingReason> model = EnumSet.noneOf(BlockingReason.class);
        long count = 0;
        for (Step step : steps) {
            boolean wasEmpty = model.isEmpty();
            switch (step.kind()) {
                case ADD -> model.add(step.reason());
                case CLEAR -> model.remove(step.reason());
                case RESUME -> model.remove(step.reason());
            }
            if (wasEmpty && !model.isEmpty()) {
                count++;
            }
        }
        return count;
    }

    private static Set<BlockingReason> withNone(java.util.Collection<BlockingReason> reasons) {
        Set<BlockingReason> set = EnumSet.noneOf(BlockingReason.class);
        set.addAll(reasons);
        return set;
    }

    private static void assertRefused(Runnable operation, ErrorCode code) {
        assertThatThrownBy(operation::run)
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Property(tries = 200)
    void aResumeClearsOnlyTheCallersReason(@ForAll BlockingReason callers, @ForAll BlockingReason other) {
        Card card = aCard().inState(CardState.ACTIVE).build();
        card.block(callers, "mine", OPS, NOW);
        card.block(other, "theirs", null, NOW);
        List<BlockingReason> remaining = card.resume(callers, "go", OPS, NOW, CardBuilder::complete);
        if (callers == other) {
            assertThat(remaining).isEmpty();
            assertThat(card.state()).isEqualTo(CardState.ACTIVE);
        } else {
            assertThat(remaining).containsExactly(other);
            assertThat(card.activeReasons()).containsExactly(other);
            assertThat(card.state()).isEqualTo(CardState.SUSPENDED);
        }
    }

    /**
     * With a real-name that is incomplete, no sequence of adds, clears and resumes lets a suspended card work again:
     * when the last reason goes, {@code UNVERIFIED} takes its place, and it cannot be cleared.
     */
    @Property(tries = 300)
    void aCardWhoseRealNameIsIncompleteNeverWorksAgain(@ForAll("steps") @Size(max = 40) List<Step> steps) {
        Card card = aCard().inState(CardState.SUSPENDED).build();
        for (Step step : steps) {
            switch (step.kind()) {
                case ADD -> card.block(step.reason(), "why", null, NOW);
                case CLEAR -> card.clear(step.reason(), "done", null, NOW, CardBuilder::incomplete);
                case RESUME -> card.resume(step.reason(), "go", OPS, NOW, CardBuilder::incomplete);
            }
            assertThat(card.state()).isEqualTo(CardState.SUSPENDED);
            assertThat(card.activeReasons()).isNotEmpty().doesNotHaveDuplicates();
        }
        assertThat(card.pendingEvents()).noneMatch(CardResumed.class::isInstance);
    }
}
