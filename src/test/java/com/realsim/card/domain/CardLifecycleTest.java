package com.realsim.card.domain;

import static com.realsim.card.domain.CardBuilder.NOW;
import static com.realsim.card.domain.CardBuilder.OPS;
import static com.realsim.card.domain.CardBuilder.aCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.card.BlockingReason;
import com.realsim.card.CardState;
import com.realsim.card.Imei;
import com.realsim.card.events.CardActivated;
import com.realsim.card.events.CardCancelled;
import com.realsim.card.events.CardResumed;
import com.realsim.card.events.CardTestPeriodEnded;
import com.realsim.catalogue.ExceptionKind;
import com.realsim.catalogue.Operator;
import com.realsim.catalogue.RealNameRequirement;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of states: the move is allowed exactly where the lifecycle says, by the enum and by the aggregate. */
class CardLifecycleTest {

    /** The lifecycle of domain-rules.md, written out independently of {@link CardState#next()}. */
    static final Map<CardState, Set<CardState>> ALLOWED = Map.of(
            CardState.INVENTORY, EnumSet.of(CardState.TEST, CardState.PENDING_ACTIVATION, CardState.CANCELLED),
            CardState.TEST, EnumSet.of(CardState.PENDING_ACTIVATION, CardState.CANCELLED),
            CardState.PENDING_ACTIVATION,
                    EnumSet.of(CardState.ACTIVE, CardState.SUSPENDED, CardState.PRE_CANCELLED, CardState.CANCELLED),
            CardState.ACTIVE, EnumSet.of(CardState.SUSPENDED, CardState.PRE_CANCELLED, CardState.CANCELLED),
            CardState.SUSPENDED, EnumSet.of(CardState.ACTIVE, CardState.PRE_CANCELLED, CardState.CANCELLED),
            CardState.PRE_CANCELLED, EnumSet.of(CardState.ACTIVE, CardState.SUSPENDED, CardState.CANCELLED),
            CardState.CANCELLED, EnumSet.noneOf(CardState.class));

    static Stream<Arguments> allPairs() {
        return Stream.of(CardState.values())
                .flatMap(from -> Stream.of(CardState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("allPairs")
    void theStateEnumAllowsExactlyTheLifecyclesMoves(CardState from, CardState to) {
        assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.get(from).contains(to));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("allPairs")
    void theAggregateMakesAllowedMovesAndRefusesTheOthersWithoutChange(CardState from, CardState to) {
        Card card = from == CardState.PRE_CANCELLED && to == CardState.SUSPENDED
                ? aCard().preCancelledWhileSuspended().build()
                : aCard().inState(from).build();
        boolean allowed = ALLOWED.get(from).contains(to)
                // adding a second reason to a suspended card keeps it suspended: not a move, but not refused either
                || (from == CardState.SUSPENDED && to == CardState.SUSPENDED)
                // activating a card in its test period ends the test period on the way (TEST → PENDING → ACTIVE)
                || (from == CardState.TEST && to == CardState.ACTIVE);
        if (allowed) {
            attempt(card, from, to);
            assertThat(card.state()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> attempt(card, from, to))
                    .isInstanceOfSatisfying(
                            DomainException.class,
                            refused -> assertThat(refused.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION));
            assertThat(card.state()).isEqualTo(from);
            assertThat(card.pendingEvents()).isEmpty();
        }
    }

    /** The operation that aims at {@code to}, as the use cases would call it. */
    private static void attempt(Card card, CardState from, CardState to) {
        switch (to) {
            case INVENTORY -> throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION); // no way back
            case TEST -> card.handOver(7L, 70L, true, 1L, OPS, NOW);
            case PENDING_ACTIVATION -> {
                if (from == CardState.TEST) {
                    card.endTestPeriod(NOW);
                } else {
                    card.handOver(7L, 70L, false, 1L, OPS, NOW);
                }
            }
            case ACTIVE -> {
                if (from == CardState.SUSPENDED) {
                    card.resume(BlockingReason.OPS_ACTION, "done", OPS, NOW, CardBuilder::complete);
                } else if (from == CardState.PRE_CANCELLED) {
                    card.restore(OPS, NOW, CardBuilder::complete);
                } else {
                    card.activate(CardBuilder.complete(), OPS, NOW);
                }
            }
            case SUSPENDED -> {
                if (from == CardState.PRE_CANCELLED) {
                    card.restore(OPS, NOW, CardBuilder::complete);
                } else if (from == CardState.PENDING_ACTIVATION) {
                    // the silent period ends with the real-name incomplete: switched on stopped
                    card.silentPeriodEnded(CardBuilder.incomplete(), NOW);
                } else {
                    card.block(BlockingReason.ARREARS, "unpaid", null, NOW);
                }
            }
            case PRE_CANCELLED -> card.preCancel(null, NOW);
            case CANCELLED -> card.cancel("customer left", OPS, NOW);
        }
    }

    @Test
    void aCancelledCardRefusesEveryOperation() {
        Card card = aCard().boundToDevices().inState(CardState.CANCELLED).build();
        Stream.<Runnable>of(
                        () -> card.block(BlockingReason.ARREARS, "x", null, NOW),
                        () -> card.clear(BlockingReason.ARREARS, "x", null, NOW, CardBuilder::complete),
                        () -> card.resume(BlockingReason.OPS_ACTION, "x", OPS, NOW, CardBuilder::complete),
                        () -> card.cancel("x", OPS, NOW),
                        () -> card.preCancel(null, NOW),
                        () -> card.restore(OPS, NOW, CardBuilder::complete),
                        () -> card.activate(CardBuilder.complete(), OPS, NOW),
                        () -> card.handOver(1L, 1L, false, 1L, OPS, NOW),
                        () -> card.endTestPeriod(NOW),
                        () -> card.deviceSeen(new Imei("356938035643809"), NOW, CardBuilder::complete),
                        () -> card.rebind(new Imei("356938035643809"), 2, OPS, NOW, CardBuilder::complete))
                .forEach(operation -> assertThatThrownBy(operation::run)
                        .isInstanceOfSatisfying(
                                DomainException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION)));
        assertThat(card.state()).isEqualTo(CardState.CANCELLED);
    }

    @Test
    void activationNeedsACompleteRealNameAndNamesWhatIsMissing() {
        Card card = aCard().inState(CardState.PENDING_ACTIVATION).build();
        RealNameRequirement endUser =
                new RealNameRequirement("NON_DIRECTIONAL_DATA", true, ExceptionKind.PROVINCIAL_APPROVAL, 4L);

        assertThatThrownBy(() -> card.activate(
                        new RealNameFacts(false, true, true, RealNameFacts.EndUser.BOUND_NOT_VERIFIED, null)
                                .assess(endUser),
                        OPS,
                        NOW))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ErrorCode.REAL_NAME_INCOMPLETE);
                    assertThat(refused.details())
                            .containsEntry(
                                    "missing", java.util.List.of("ENTERPRISE_NOT_VERIFIED", "END_USER_NOT_VERIFIED"));
                });
        assertThat(card.state()).isEqualTo(CardState.PENDING_ACTIVATION);

        card.activate(
                RealNameFacts.enterpriseComplete()
                        .withApprovedException(ExceptionKind.PROVINCIAL_APPROVAL)
                        .assess(endUser),
                OPS,
                NOW);
        assertThat(card.state()).isEqualTo(CardState.ACTIVE);
        assertThat(card.pendingEvents())
                .hasOnlyElementsOfType(CardActivated.class)
                .hasSize(1);
    }

    @Test
    void cancellingPublishesAnEventThatNamesTheOperatorForTheQuotaSlot() {
        Card card = aCard().inState(CardState.SUSPENDED).build();
        card.cancel("contract ended", OPS, NOW);
        assertThat(card.pendingEvents()).singleElement().isInstanceOfSatisfying(CardCancelled.class, cancelled -> {
            assertThat(cancelled.operator()).isEqualTo(Operator.CHINA_MOBILE);
            assertThat(cancelled.from()).isEqualTo(CardState.SUSPENDED);
            assertThat(cancelled.auditFacts().action()).isEqualTo("CARD_CANCELLED");
            assertThat(cancelled.auditFacts().enterpriseId()).isEqualTo(70L);
        });
    }

    @Test
    void activatingACardInItsTestPeriodEndsTheTestPeriodOnlyWhenItsRealNameIsComplete() {
        Card card = aCard().inState(CardState.TEST).build();
        assertThatThrownBy(() -> card.activate(CardBuilder.incomplete(), OPS, NOW))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REAL_NAME_INCOMPLETE));
        assertThat(card.state()).isEqualTo(CardState.TEST);
        assertThat(card.pendingEvents()).isEmpty();

        card.activate(CardBuilder.complete(), OPS, NOW);

        assertThat(card.state()).isEqualTo(CardState.ACTIVE);
        assertThat(card.activatedAt()).isEqualTo(NOW);
        assertThat(card.pendingEvents())
                .extracting(Object::getClass)
                .containsExactly(CardTestPeriodEnded.class, CardActivated.class);
    }

    @Test
    void theLastReasonClearedLeavesACardWhoseRealNameIsIncompleteSuspendedWithUnverified() {
        Card card = aCard().inState(CardState.SUSPENDED).build();

        List<BlockingReason> remaining =
                card.resume(BlockingReason.OPS_ACTION, "checked", OPS, NOW, CardBuilder::incomplete);

        assertThat(remaining).containsExactly(BlockingReason.UNVERIFIED);
        assertThat(card.state()).isEqualTo(CardState.SUSPENDED);
        assertThat(card.isBlockedBy(BlockingReason.OPS_ACTION)).isFalse();
        assertThat(card.pendingEvents()).noneMatch(CardResumed.class::isInstance);
        assertThat(card.clear(BlockingReason.UNVERIFIED, "too soon", null, NOW, CardBuilder::incomplete))
                .as("UNVERIFIED goes only with a complete real-name")
                .isFalse();
        assertThat(card.clear(BlockingReason.UNVERIFIED, "complete", null, NOW, CardBuilder::complete))
                .isTrue();
        assertThat(card.state()).isEqualTo(CardState.ACTIVE);
    }

    @Test
    void aPreCancelledCardTakenBackWorksOnlyWithACompleteRealName() {
        Card incomplete = aCard().inState(CardState.PRE_CANCELLED).build();
        incomplete.restore(null, NOW, CardBuilder::incomplete);
        assertThat(incomplete.state()).isEqualTo(CardState.SUSPENDED);
        assertThat(incomplete.activeReasons()).containsExactly(BlockingReason.UNVERIFIED);

        Card complete = aCard().inState(CardState.PRE_CANCELLED).build();
        complete.usageSeen(NOW, NOW, CardBuilder::complete);
        assertThat(complete.state()).isEqualTo(CardState.ACTIVE);
        assertThat(complete.activeReasons()).isEmpty();
    }

    @Test
    void theBoundDeviceReturningOrARebindLetsOnlyACardWithACompleteRealNameWork() {
        Imei bound = new Imei("356938035643809");
        Imei other = new Imei("490154203237518");
        for (boolean rebind : List.of(false, true)) {
            Card card = aCard().boundToDevices().inState(CardState.ACTIVE).build();
            card.deviceSeen(bound, NOW, CardBuilder::complete);
            card.deviceSeen(other, NOW, CardBuilder::complete);
            if (rebind) {
                card.rebind(other, 2, OPS, NOW, CardBuilder::incomplete);
            } else {
                card.deviceSeen(bound, NOW, CardBuilder::incomplete);
            }
            assertThat(card.state()).as("rebind %s", rebind).isEqualTo(CardState.SUSPENDED);
            assertThat(card.activeReasons()).as("rebind %s", rebind).containsExactly(BlockingReason.UNVERIFIED);
        }
    }
}
