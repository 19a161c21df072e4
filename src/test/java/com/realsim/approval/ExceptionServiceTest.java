package com.realsim.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.realsim.approval.CardEligibility.Allowed;
import com.realsim.card.CardFixtures;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;

/**
 * Exception requests through the service against PostgreSQL and real cards of the card module (their tenant and
 * their requirement by the real rules): the rules for each kind, one pending request per card, tenants,
 * maker-checker, the document requirement, the events and the audit trail.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(PublishedEventsExtension.class)
class ExceptionServiceTest {

    @Autowired
    ExceptionService exceptions;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate sql;

    CardFixtures cards;
    final long agentOrg = CardFixtures.newAgent();
    final Actor agent = CardFixtures.agent(agentOrg);
    final Actor ops = ActorAuthentication.actor(Role.OPS, null, null);
    long enterprise;

    @BeforeEach
    void agentWithAVerifiedEnterprise() {
        cards = new CardFixtures(context);
        enterprise = cards.verifiedEnterprise(agentOrg);
    }

    /** A card of the agent's enterprise with non-directional data: a provincial approval may waive its end user. */
    String provincialCard() {
        return cards.cardAllowing(Allowed.PROVINCIAL_APPROVAL, agentOrg, enterprise);
    }

    /** A card of another agent's verified enterprise. */
    String anotherAgentsCard() {
        long otherAgent = CardFixtures.newAgent();
        return cards.cardAllowing(Allowed.PROVINCIAL_APPROVAL, otherAgent, cards.verifiedEnterprise(otherAgent));
    }

    <T> T as(Actor actor, Supplier<T> work) {
        return RunAs.run(actor, work);
    }

    static DomainException refusal(Runnable act) {
        try {
            act.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    ExceptionView requested(String card, ExceptionKind kind) {
        return as(agent, () -> exceptions.request(card, kind, "Smart meters in remote substations"));
    }

    ExceptionView documented(String card, ExceptionKind kind) {
        ExceptionView request = requested(card, kind);
        as(agent, () -> exceptions.attachDocument(request.id(), TestFiles.jpeg()));
        return request;
    }

    @Test
    void aProvincialApprovalIsRequestedForACardWithNonDirectionalData() {
        String card = provincialCard();
        ExceptionView request = requested(card, ExceptionKind.PROVINCIAL_APPROVAL);
        assertThat(request.status()).isEqualTo(ExceptionStatus.PENDING);
        assertThat(request.kind()).isEqualTo(ExceptionKind.PROVINCIAL_APPROVAL);
        assertThat(request.iccid()).isEqualTo(card);
        assertThat(request.cardId()).isEqualTo(cards.cardId(card));
        assertThat(request.agentId()).isEqualTo(agentOrg);
        assertThat(request.enterpriseId()).isEqualTo(enterprise);
        assertThat(request.requirementCode()).isEqualTo("NON_DIRECTIONAL_DATA");
        assertThat(request.requestedBy()).isEqualTo(agent.name());
    }

    @Test
    void aGroupApprovalIsRequestedForA149CardWithDirectionalVoiceOrSms() {
        String card = cards.cardAllowing(Allowed.GROUP_APPROVAL, agentOrg, enterprise);
        ExceptionView request = requested(card, ExceptionKind.GROUP_APPROVAL);
        assertThat(request.status()).isEqualTo(ExceptionStatus.PENDING);
        assertThat(request.requirementCode()).isEqualTo("SEGMENT_149_DIRECTIONAL_VOICE_SMS");
    }

    @Test
    void a149CardWithNonDirectionalVoiceOrSmsGetsNoExceptionOfEitherKind() {
        String card = cards.cardAllowing(Allowed.NOT_ALLOWED, agentOrg, enterprise);
        for (ExceptionKind kind : ExceptionKind.values()) {
            DomainException refused = refusal(() -> requested(card, kind));
            assertThat(refused.code()).isEqualTo(ErrorCode.EXCEPTION_NOT_ALLOWED);
            assertThat(refused.messageKey()).isEqualTo("approval.refused.NOT_ALLOWED");
        }
        assertThat(as(agent, () -> exceptions.forCard(cards.cardId(card)))).isEmpty();
    }

    @Test
    void aTestPackageOrDirectionalDataOnlyCardNeedsNoException() {
        for (String card : List.of(
                cards.enterpriseCard(agentOrg, enterprise, "138", cards.testPackagePlan()),
                cards.cardAllowing(Allowed.NOT_NEEDED, agentOrg, enterprise))) {
            for (ExceptionKind kind : ExceptionKind.values()) {
                DomainException refused = refusal(() -> requested(card, kind));
                assertThat(refused.code()).isEqualTo(ErrorCode.EXCEPTION_NOT_ALLOWED);
                assertThat(refused.messageKey()).isEqualTo("approval.refused.NOT_NEEDED");
            }
        }
    }

    @Test
    void aKindThatDoesNotFitTheCardIsRefused() {
        String provincial = provincialCard();
        assertThat(refusal(() -> requested(provincial, ExceptionKind.GROUP_APPROVAL))
                        .code())
                .isEqualTo(ErrorCode.EXCEPTION_NOT_ALLOWED);
        String group = cards.cardAllowing(Allowed.GROUP_APPROVAL, agentOrg, enterprise);
        assertThat(refusal(() -> requested(group, ExceptionKind.PROVINCIAL_APPROVAL))
                        .code())
                .isEqualTo(ErrorCode.EXCEPTION_NOT_ALLOWED);
    }

    @Test
    void aCardHasOnePendingRequestAtATimeAndOneApprovedExceptionAtMost() {
        String card = provincialCard();
        ExceptionView first = documented(card, ExceptionKind.PROVINCIAL_APPROVAL);
        DomainException twice = refusal(() -> requested(card, ExceptionKind.PROVINCIAL_APPROVAL));
        assertThat(twice.code()).isEqualTo(ErrorCode.DUPLICATE);
        assertThat(twice.details()).containsEntry("existingId", first.id());

        as(ops, () -> exceptions.reject(first.id(), "The letter is not signed"));
        ExceptionView second = documented(card, ExceptionKind.PROVINCIAL_APPROVAL);
        as(ops, () -> exceptions.approve(second.id(), null));
        DomainException afterApproval = refusal(() -> requested(card, ExceptionKind.PROVINCIAL_APPROVAL));
        assertThat(afterApproval.messageKey()).isEqualTo("approval.alreadyApproved");
    }

    @Test
    void anotherTenantsCardAndRequestAreNotFound() {
        String theirs = anotherAgentsCard();
        assertThatThrownBy(() -> requested(theirs, ExceptionKind.PROVINCIAL_APPROVAL))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(agent, () -> exceptions.eligibility(theirs)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(agent, () -> exceptions.eligibility("89860000000000000000")))
                .isInstanceOf(NotFoundException.class);

        ExceptionView mine = requested(provincialCard(), ExceptionKind.PROVINCIAL_APPROVAL);
        Actor otherAgent = CardFixtures.agent(CardFixtures.newAgent());
        Actor otherEnterprise = CardFixtures.enterpriseAdmin(cards.verifiedEnterprise(agentOrg));
        for (Actor outsider : List.of(otherAgent, otherEnterprise)) {
            assertThatThrownBy(() -> as(outsider, () -> exceptions.get(mine.id())))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> as(otherAgent, () -> exceptions.attachDocument(mine.id(), TestFiles.pdf())))
                .isInstanceOf(NotFoundException.class);
        Actor ownEnterprise = CardFixtures.enterpriseAdmin(enterprise);
        assertThat(as(ownEnterprise, () -> exceptions.get(mine.id())).id()).isEqualTo(mine.id());
        assertThat(as(ownEnterprise, () -> exceptions.file(mine.id()).documents()))
                .as("the approval document is for OPS and the agent")
                .isEmpty();
    }

    @Test
    void theSamePrincipalNeverRequestsAndDecides() {
        ExceptionView request = documented(provincialCard(), ExceptionKind.PROVINCIAL_APPROVAL);
        // the agent's account, later switched to the OPS role: the same principal (USER:id)
        Actor sameAccount = new Actor(Actor.Kind.USER, agent.id(), agent.name(), Role.OPS, null, null);
        assertThat(refusal(() -> as(sameAccount, () -> exceptions.approve(request.id(), "ok")))
                        .code())
                .isEqualTo(ErrorCode.SELF_APPROVAL);
        assertThat(refusal(() -> as(sameAccount, () -> exceptions.reject(request.id(), "no")))
                        .code())
                .isEqualTo(ErrorCode.SELF_APPROVAL);
        assertThat(as(ops, () -> exceptions.get(request.id())).status()).isEqualTo(ExceptionStatus.PENDING);
    }

    @Test
    void theDatabaseHoldsMakerCheckerToo() {
        ExceptionView request = requested(provincialCard(), ExceptionKind.PROVINCIAL_APPROVAL);
        assertThatThrownBy(() -> sql.update(
                        "update exception_request set status = 'APPROVED', decided_by = requested_by,"
                                + " decided_by_name = 'x', decided_at = now() where id = ?",
                        request.id()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("exception_request_maker_checker_ck");
    }

    @Test
    void approvalWithoutTheSignedDocumentIsRefused() {
        ExceptionView request = requested(provincialCard(), ExceptionKind.PROVINCIAL_APPROVAL);
        DomainException refused = refusal(() -> as(ops, () -> exceptions.approve(request.id(), null)));
        assertThat(refused.code()).isEqualTo(ErrorCode.DOCUMENTS_MISSING);
        assertThat(refused.details()).containsEntry("kinds", List.of("APPROVAL_DOCUMENT"));
    }

    @Test
    void approvalPublishesExceptionApprovedAndNamesTheApprovalForTheCard(AssertablePublishedEvents events) {
        String card = provincialCard();
        long cardId = cards.cardId(card);
        ExceptionView request = documented(card, ExceptionKind.PROVINCIAL_APPROVAL);
        ExceptionView approved = as(ops, () -> exceptions.approve(request.id(), "Signed by the deputy GM"));

        assertThat(approved.status()).isEqualTo(ExceptionStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(ops.name());
        assertThat(events)
                .contains(ExceptionApproved.class)
                .matching(ExceptionApproved::exceptionId, request.id())
                .matching(ExceptionApproved::cardId, cardId)
                .matching(ExceptionApproved::iccid, card)
                .matching(ExceptionApproved::kind, ExceptionKind.PROVINCIAL_APPROVAL)
                .matching(ExceptionApproved::approvedBy, ops.name());
        assertThat(events).contains(ExceptionRequested.class).matching(ExceptionRequested::exceptionId, request.id());

        ApprovedException named = exceptions.approvedExceptionFor(cardId).orElseThrow();
        assertThat(named.exceptionId()).isEqualTo(request.id());
        assertThat(named.kind()).isEqualTo(ExceptionKind.PROVINCIAL_APPROVAL);
        assertThat(named.approvedBy()).isEqualTo(ops.name());
        assertThat(named.path()).isEqualTo("/exceptions/" + request.id());
        assertThat(exceptions.approvedExceptionFor(cardId + 1_000_000)).isEmpty();
    }

    @Test
    void rejectionNeedsAReasonAndPublishesExceptionRejected(AssertablePublishedEvents events) {
        ExceptionView request = requested(provincialCard(), ExceptionKind.PROVINCIAL_APPROVAL);
        ValidationException noReason =
                (ValidationException) refusal(() -> as(ops, () -> exceptions.reject(request.id(), "  ")));
        assertThat(noReason.fieldProblems().get(0).field()).isEqualTo("reason");

        ExceptionView rejected = as(ops, () -> exceptions.reject(request.id(), "The document is not signed"));
        assertThat(rejected.status()).isEqualTo(ExceptionStatus.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("The document is not signed");
        assertThat(events)
                .contains(ExceptionRejected.class)
                .matching(ExceptionRejected::exceptionId, request.id())
                .matching(ExceptionRejected::reason, "The document is not signed");
        assertThat(events.ofType(ExceptionApproved.class).matching(e -> e.exceptionId() == request.id()))
                .isEmpty();
    }

    @Test
    void decisionsAndClaimsReachTheAuditTrailForTheRequestsTenant() {
        ExceptionView request = documented(provincialCard(), ExceptionKind.PROVINCIAL_APPROVAL);
        as(ops, () -> exceptions.claim(request.id()));
        as(ops, () -> exceptions.approve(request.id(), null));
        List<Map<String, Object>> entries = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> sql.queryForList(
                                "select action, agent_id, enterprise_id, outcome from audit_entry"
                                        + " where target_type = 'EXCEPTION' and target_id = ? order by id",
                                String.valueOf(request.id())),
                        rows -> rows.size() >= 3);
        // each event is appended by its own asynchronous listener run, so the trail's order is the order of appending
        assertThat(entries)
                .extracting(row -> row.get("action"))
                .containsExactlyInAnyOrder("EXCEPTION_REQUESTED", "EXCEPTION_CLAIMED", "EXCEPTION_APPROVED");
        assertThat(entries).allSatisfy(row -> {
            assertThat(((Number) row.get("agent_id")).longValue()).isEqualTo(agentOrg);
            assertThat(((Number) row.get("enterprise_id")).longValue()).isEqualTo(enterprise);
        });
    }

    @Test
    void aClaimedRequestWaitsForItsHolderAndAnyOpsUserCanReleaseIt() {
        ExceptionView request = documented(provincialCard(), ExceptionKind.PROVINCIAL_APPROVAL);
        Actor colleague = ActorAuthentication.actor(Role.OPS, null, null);
        assertThat(as(ops, () -> exceptions.claim(request.id())).assignedTo()).isEqualTo(ops.name());
        assertThat(as(ops, () -> exceptions.summary()).pendingAssignedToMe()).isGreaterThanOrEqualTo(1);
        DomainException held = refusal(() -> as(colleague, () -> exceptions.approve(request.id(), null)));
        assertThat(held.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION);
        assertThat(held.messageKey()).isEqualTo("approval.heldByAnother");

        assertThat(as(colleague, () -> exceptions.release(request.id())).assignedTo())
                .isNull();
        assertThat(as(colleague, () -> exceptions.approve(request.id(), null)).status())
                .isEqualTo(ExceptionStatus.APPROVED);
    }

    @Test
    void anApprovalChecksTheCardsCurrentRequirement() {
        String rule = "OWN_RULE_" + agentOrg;
        String card = cards.cardUnderOwnRule(rule, Allowed.PROVINCIAL_APPROVAL, agentOrg, enterprise);
        ExceptionView request = documented(card, ExceptionKind.PROVINCIAL_APPROVAL);
        cards.changeOwnRule(rule, Allowed.NOT_NEEDED);
        assertThat(refusal(() -> as(ops, () -> exceptions.approve(request.id(), null)))
                        .code())
                .isEqualTo(ErrorCode.EXCEPTION_NOT_ALLOWED);
    }

    @Test
    void onlyAgentsRequestAndDocumentAndOnlyOpsDecide() {
        String card = provincialCard();
        assertThat(refusal(() -> as(ops, () -> exceptions.request(card, ExceptionKind.PROVINCIAL_APPROVAL, "r")))
                        .code())
                .isEqualTo(ErrorCode.FORBIDDEN);
        ExceptionView request = requested(card, ExceptionKind.PROVINCIAL_APPROVAL);
        assertThat(refusal(() -> as(agent, () -> exceptions.approve(request.id(), null)))
                        .code())
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(() -> as(ops, () -> exceptions.attachDocument(request.id(), TestFiles.png())))
                        .code())
                .isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void theQueueListsPendingRequestsOldestFirstWithKeysetPages() {
        long org = CardFixtures.newAgent();
        long orgEnterprise = cards.verifiedEnterprise(org);
        Actor ownAgent = CardFixtures.agent(org);
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String card = cards.cardAllowing(Allowed.PROVINCIAL_APPROVAL, org, orgEnterprise);
            ids.add(as(ownAgent, () -> exceptions.request(card, ExceptionKind.PROVINCIAL_APPROVAL, "reason"))
                    .id());
        }
        var first = as(ownAgent, () -> exceptions.list(ExceptionFilter.newestFirst(null, null), null, 2));
        assertThat(first.items()).extracting(ExceptionView::id).containsExactly(ids.get(2), ids.get(1));
        var second =
                as(ownAgent, () -> exceptions.list(ExceptionFilter.newestFirst(null, null), first.nextCursor(), 2));
        assertThat(second.items()).extracting(ExceptionView::id).containsExactly(ids.get(0));
        assertThat(second.nextCursor()).isNull();

        var queue = as(
                ops,
                () -> exceptions.list(
                        new ExceptionFilter(ExceptionStatus.PENDING, ExceptionKind.PROVINCIAL_APPROVAL, null, true),
                        null,
                        500));
        List<Long> queued = queue.items().stream().map(ExceptionView::id).toList();
        assertThat(queued).containsSubsequence(ids);
        assertThat(as(ops, () -> exceptions.summary()).oldestPendingSince()).isNotNull();
        assertThat(as(ownAgent, () -> exceptions.pendingCount())).isEqualTo(3);
    }
}
