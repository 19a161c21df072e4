package com.realsim.card.domain;

import com.realsim.approval.ApprovedException;
import com.realsim.approval.ExceptionService;
import com.realsim.card.BlockingReason;
import com.realsim.card.EndUserStatus;
import com.realsim.card.RealNameAssessment;
import com.realsim.catalogue.ExceptionKind;
import com.realsim.catalogue.RealNamePolicy;
import com.realsim.catalogue.RealNameRequirement;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.catalogue.ServicePlanSummary;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseStanding;
import java.time.Instant;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * A card's real-name as it stands: the requirement of its plan and number, and the facts gathered from where they
 * live — the enterprise's standing (enterprise module), the handler of the order it came through, its end user's
 * binding and verification, and an approved exception (approval module). Not scoped: callers have loaded the card
 * through the actor's scope already, or act as the system.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CardRealName {

    private final ServicePlanService plans;
    private final RealNamePolicy policy;
    private final EnterpriseService enterprises;
    private final ExceptionService exceptions;
    private final CardEndUsers endUsers;

    public RealNameRequirement requirement(Card card) {
        return policy.requirementFor(plans.plan(card.planId()), card.msisdn());
    }

    /** The approved exception of the card, if any (whether or not its kind fits the card's requirement now). */
    Optional<ApprovedException> approval(Card card) {
        return card.id() == null ? Optional.empty() : exceptions.approvedExceptionFor(card.id());
    }

    RealNameFacts facts(Card card) {
        return facts(card, endUsers.findByCardIdAndEndedAtIsNull(card.id()), approval(card));
    }

    private RealNameFacts facts(Card card, Optional<CardEndUser> binding, Optional<ApprovedException> approval) {
        Optional<EnterpriseStanding> standing =
                card.enterpriseId() == null ? Optional.empty() : enterprises.standing(card.enterpriseId());
        return facts(standing, card.handledByOrderId() != null, binding.map(CardEndUser::status), approval);
    }

    private static RealNameFacts facts(
            Optional<EnterpriseStanding> standing,
            boolean handlerRecorded,
            Optional<EndUserStatus> endUserStatus,
            Optional<ApprovedException> approval) {
        RealNameFacts.EndUser endUser = endUserStatus
                .map(status -> status == EndUserStatus.VERIFIED
                        ? RealNameFacts.EndUser.VERIFIED
                        : RealNameFacts.EndUser.BOUND_NOT_VERIFIED)
                .orElse(RealNameFacts.EndUser.NONE);
        ExceptionKind approved = approval.map(
                        exception -> ExceptionKind.valueOf(exception.kind().name()))
                .orElse(null);
        return new RealNameFacts(
                standing.map(EnterpriseStanding::verified).orElse(false),
                standing.map(EnterpriseStanding::responsiblePersonCurrent).orElse(false),
                handlerRecorded,
                endUser,
                approved);
    }

    /**
     * The real-name of a card read in one statement with its end user, exception and enterprise standing ({@link
     * CardStatuses}): the same rules as {@link #assess(Card)}, on the facts read alongside the card.
     */
    RealNameAssessment assess(
            ServicePlanSummary plan,
            String msisdn,
            Optional<EnterpriseStanding> standing,
            boolean handlerRecorded,
            Optional<EndUserStatus> endUser,
            Optional<ApprovedException> approval) {
        return facts(standing, handlerRecorded, endUser, approval).assess(policy.requirementFor(plan, msisdn));
    }

    public RealNameAssessment assess(Card card) {
        return facts(card).assess(requirement(card));
    }

    /**
     * After a change of what the card's real-name rests on (new owner, new end user, replacement card): a working
     * card whose real-name is now incomplete is stopped with {@code UNVERIFIED}; one that is complete loses that
     * reason. Cards that do not work (not yet activated, pre-cancelled) are judged at activation or left as they are.
     */
    public void reassess(Card card, Instant now) {
        if (!card.state().canBeBlocked()) {
            return;
        }
        RealNameAssessment assessment = assess(card);
        if (assessment.satisfied()) {
            card.clear(BlockingReason.UNVERIFIED, "card.note.realNameComplete", null, now, () -> assessment);
        } else {
            card.block(BlockingReason.UNVERIFIED, "card.note.realNameIncomplete", null, now);
        }
    }

    /** Something was completed (a verification, an approval, a supplement order): clears UNVERIFIED if now complete. */
    public boolean clearIfComplete(Card card, Instant now) {
        return card.isBlockedBy(BlockingReason.UNVERIFIED)
                && card.clear(BlockingReason.UNVERIFIED, "card.note.realNameComplete", null, now, () -> assess(card));
    }
}
