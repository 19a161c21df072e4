package com.realsim.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.approval.CardEligibility.Allowed;
import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent.AuditFacts;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.modulith.test.AggregateTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/** The exception rules and maker-checker, on the aggregate alone. */
class ExceptionRequestTest {

    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    static final long AGENT_ORG = 7;

    static final Actor AGENT = new Actor(Actor.Kind.USER, 42, "li-agent", Role.AGENT, AGENT_ORG, null);
    static final Actor OPS = new Actor(Actor.Kind.USER, 43, "wang-ops", Role.OPS, null, null);
    static final Actor OTHER_OPS = new Actor(Actor.Kind.USER, 44, "zhao-ops", Role.OPS, null, null);

    static CardEligibility card(Allowed allowed, String requirement) {
        return new CardEligibility(100, "89860000000000001001", AGENT_ORG, 55L, allowed, requirement);
    }

    static final CardEligibility NON_DIRECTIONAL_DATA = card(Allowed.PROVINCIAL_APPROVAL, "NON_DIRECTIONAL_DATA");
    static final CardEligibility SEGMENT_149_DIRECTIONAL =
            card(Allowed.GROUP_APPROVAL, "SEGMENT_149_DIRECTIONAL_VOICE_SMS");
    static final CardEligibility SEGMENT_149_NON_DIRECTIONAL =
            card(Allowed.NOT_ALLOWED, "SEGMENT_149_NON_DIRECTIONAL_VOICE_SMS");

    static ExceptionRequest opened(CardEligibility card, ExceptionKind kind) {
        ExceptionRequest request = ExceptionRequest.open(card, kind, "Meters in remote substations", AGENT, NOW);
        ReflectionTestUtils.setField(request, "id", 9L);
        return request;
    }

    static DomainException refusal(Runnable act) {
        try {
            act.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void aCardWithNonDirectionalDataMayGetAProvincialApproval() {
        ExceptionRequest request = opened(NON_DIRECTIONAL_DATA, ExceptionKind.PROVINCIAL_APPROVAL);
        assertThat(request.status()).isEqualTo(ExceptionStatus.PENDING);
        assertThat(request.view().requirementCode()).isEqualTo("NON_DIRECTIONAL_DATA");
        assertThat(request.agentId()).isEqualTo(AGENT_ORG);
        assertThat(request.enterpriseId()).isEqualTo(55L);
    }

    @Test
    void a149CardWithDirectionalVoiceOrSmsMayGetAGroupApproval() {
        assertThat(opened(SEGMENT_149_DIRECTIONAL, ExceptionKind.GROUP_APPROVAL).kind())
                .isEqualTo(ExceptionKind.GROUP_APPROVAL);
    }

    @ParameterizedTest
    @EnumSource(ExceptionKind.class)
    void a149CardWithNonDirectionalVoiceOrSmsMayGetNoExceptionOfAnyKind(ExceptionKind kind) {
        DomainException refused = refusal(() -> opened(SEGMENT_149_NON_DIRECTIONAL, kind));
        assertThat(refused.code()).isEqualTo(ErrorCode.EXCEPTION_NOT_ALLOWED);
        assertThat(refused.messageKey()).isEqualTo("approval.refused.NOT_ALLOWED");
        assertThat(refused.details())
                .containsEntry("allowed", "NOT_ALLOWED")
                .containsEntry("requirement", "SEGMENT_149_NON_DIRECTIONAL_VOICE_SMS");
    }

    @ParameterizedTest
    @EnumSource(ExceptionKind.class)
    void aCardThatNeedsNoEndUserRealNameNeedsNoException(ExceptionKind kind) {
        for (String requirement : new String[] {"TEST_PACKAGE", "DIRECTIONAL_DATA_ONLY"}) {
            DomainException refused = refusal(() -> opened(card(Allowed.NOT_NEEDED, requirement), kind));
            assertThat(refused.code()).isEqualTo(ErrorCode.EXCEPTION_NOT_ALLOWED);
            assertThat(refused.messageKey()).isEqualTo("approval.refused.NOT_NEEDED");
        }
    }

    @Test
    void aKindThatDoesNotFitTheCardIsRefusedNamingTheKindThatWould() {
        DomainException groupOnProvincial = refusal(() -> opened(NON_DIRECTIONAL_DATA, ExceptionKind.GROUP_APPROVAL));
        assertThat(groupOnProvincial.code()).isEqualTo(ErrorCode.EXCEPTION_NOT_ALLOWED);
        assertThat(groupOnProvincial.messageKey()).isEqualTo("approval.refused.onlyProvincial");
        assertThat(groupOnProvincial.details())
                .containsEntry("possibleKinds", java.util.List.of("PROVINCIAL_APPROVAL"));

        DomainException provincialOnGroup =
                refusal(() -> opened(SEGMENT_149_DIRECTIONAL, ExceptionKind.PROVINCIAL_APPROVAL));
        assertThat(provincialOnGroup.code()).isEqualTo(ErrorCode.EXCEPTION_NOT_ALLOWED);
        assertThat(provincialOnGroup.messageKey()).isEqualTo("approval.refused.onlyGroup");
    }

    @Test
    void nobodyDecidesARequestTheySubmittedEvenUnderAnotherRole() {
        ExceptionRequest request = opened(NON_DIRECTIONAL_DATA, ExceptionKind.PROVINCIAL_APPROVAL);
        // the same account, later given the OPS role
        Actor sameAccountAsOps = new Actor(Actor.Kind.USER, AGENT.id(), AGENT.name(), Role.OPS, null, null);
        for (Runnable decision : new Runnable[] {
            () -> request.approve(NON_DIRECTIONAL_DATA, true, null, sameAccountAsOps, NOW),
            () -> request.reject("no", sameAccountAsOps, NOW),
            () -> request.claim(sameAccountAsOps, NOW)
        }) {
            assertThat(refusal(decision).code()).isEqualTo(ErrorCode.SELF_APPROVAL);
        }
        assertThat(request.status()).isEqualTo(ExceptionStatus.PENDING);
        // an API client with the same number is another principal
        Actor client = new Actor(Actor.Kind.API_CLIENT, AGENT.id(), "ops-robot", Role.OPS, null, null);
        request.approve(NON_DIRECTIONAL_DATA, true, null, client, NOW);
        assertThat(request.status()).isEqualTo(ExceptionStatus.APPROVED);
    }

    @Test
    void approvalNeedsTheSignedDocument() {
        ExceptionRequest request = opened(NON_DIRECTIONAL_DATA, ExceptionKind.PROVINCIAL_APPROVAL);
        DomainException refused = refusal(() -> request.approve(NON_DIRECTIONAL_DATA, false, null, OPS, NOW));
        assertThat(refused.code()).isEqualTo(ErrorCode.DOCUMENTS_MISSING);
        assertThat(refused.details()).containsEntry("kinds", java.util.List.of("APPROVAL_DOCUMENT"));
        assertThat(request.status()).isEqualTo(ExceptionStatus.PENDING);
    }

    @Test
    void approvalRegistersExceptionApprovedWithTheCardAndAuditFacts() {
        ExceptionRequest request = opened(NON_DIRECTIONAL_DATA, ExceptionKind.PROVINCIAL_APPROVAL);
        request.approve(NON_DIRECTIONAL_DATA, true, "Signed by the deputy GM", OPS, NOW);

        ExceptionApproved approved = AggregateTestUtils.eventsOf(request)
                .ofType(ExceptionApproved.class)
                .iterator()
                .next();
        assertThat(approved.exceptionId()).isEqualTo(9L);
        assertThat(approved.cardId()).isEqualTo(100L);
        assertThat(approved.iccid()).isEqualTo("89860000000000001001");
        assertThat(approved.kind()).isEqualTo(ExceptionKind.PROVINCIAL_APPROVAL);
        assertThat(approved.approvedBy()).isEqualTo("wang-ops");
        assertThat(approved.approvedAt()).isEqualTo(NOW);
        AuditFacts facts = approved.auditFacts();
        assertThat(facts.targetType()).isEqualTo("EXCEPTION");
        assertThat(facts.targetId()).isEqualTo("9");
        assertThat(facts.action()).isEqualTo("EXCEPTION_APPROVED");
        assertThat(facts.outcome()).isEqualTo("APPROVED");
        assertThat(facts.agentId()).isEqualTo(AGENT_ORG);
        assertThat(facts.enterpriseId()).isEqualTo(55L);
        assertThat(facts.role()).isEqualTo(Role.OPS);
        assertThat(request.approval().approvedBy()).isEqualTo("wang-ops");
    }

    @Test
    void aDecisionIsFinal() {
        ExceptionRequest request = opened(NON_DIRECTIONAL_DATA, ExceptionKind.PROVINCIAL_APPROVAL);
        request.reject("The approval is not signed", OPS, NOW);
        assertThat(refusal(() -> request.approve(NON_DIRECTIONAL_DATA, true, null, OTHER_OPS, NOW))
                        .code())
                .isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION);
        assertThat(refusal(request::requireOpenForDocuments).code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION);
        assertThat(request.view().decisionReason()).isEqualTo("The approval is not signed");
    }

    @Test
    void aClaimedRequestIsDecidedOnlyByItsHolderUntilReleased() {
        ExceptionRequest request = opened(NON_DIRECTIONAL_DATA, ExceptionKind.PROVINCIAL_APPROVAL);
        request.claim(OPS, NOW);
        assertThat(request.view().assignedTo()).isEqualTo("wang-ops");
        assertThat(refusal(() -> request.claim(OTHER_OPS, NOW)).code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION);
        assertThat(refusal(() -> request.reject("no", OTHER_OPS, NOW)).code())
                .isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION);
        request.release(OTHER_OPS, NOW);
        assertThat(request.view().assignedTo()).isNull();
        request.claim(OTHER_OPS, NOW);
        request.approve(NON_DIRECTIONAL_DATA, true, null, OTHER_OPS, NOW);
        assertThat(request.view().assignedTo())
                .as("a decided request is held by nobody")
                .isNull();
        assertThat(request.view().decidedBy()).isEqualTo("zhao-ops");
    }

    @Test
    void approvalChecksTheCardsRequirementAgainAtTheMomentOfTheDecision() {
        ExceptionRequest request = opened(NON_DIRECTIONAL_DATA, ExceptionKind.PROVINCIAL_APPROVAL);
        CardEligibility now149 = card(Allowed.NOT_ALLOWED, "SEGMENT_149_NON_DIRECTIONAL_VOICE_SMS");
        assertThat(refusal(() -> request.approve(now149, true, null, OPS, NOW)).code())
                .isEqualTo(ErrorCode.EXCEPTION_NOT_ALLOWED);
        assertThat(request.status()).isEqualTo(ExceptionStatus.PENDING);
    }

    @Test
    void onlyAnAgentOpensARequest() {
        assertThatThrownBy(() -> ExceptionRequest.open(
                        NON_DIRECTIONAL_DATA, ExceptionKind.PROVINCIAL_APPROVAL, "reason", OPS, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
