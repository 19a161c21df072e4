package com.realsim.card;

import static com.realsim.card.CardFixtures.agent;
import static com.realsim.card.CardFixtures.enterpriseAdmin;
import static com.realsim.card.CardFixtures.newAgent;
import static com.realsim.card.CardFixtures.newIdentity;
import static com.realsim.card.CardFixtures.newOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.approval.CardEligibility;
import com.realsim.approval.ExceptionService;
import com.realsim.approval.ExceptionView;
import com.realsim.catalogue.ExceptionKind;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.NotFoundException;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A card's real-name judged on the facts as they stand — enterprise standing, the order's handler, the end user and
 * an approved exception — for every row of the requirement table; the exception's kind as the approval module sees
 * it (ExceptionEligibility), and the approval named on the card.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
class CardRealNameTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ExceptionService exceptions;

    @Autowired
    MockMvcTester mvc;

    CardFixtures fx;
    long agentId;
    long enterpriseId;
    Actor agent;

    @BeforeEach
    void fixtures() {
        fx = new CardFixtures(context);
        agentId = newAgent();
        enterpriseId = fx.verifiedEnterprise(agentId);
        agent = agent(agentId);
    }

    String pending(String segment, String plan) {
        return fx.enterpriseCard(agentId, enterpriseId, segment, plan);
    }

    RealNameAssessment realName(String iccid) {
        return fx.view(iccid).realName();
    }

    // --- the requirement table, row by row ------------------------------------------------------------------------

    @Test
    void aTestPackageNeedsOnlyTheEnterpriseLevelWhateverTheNumber() {
        for (String segment : List.of("138", "149")) {
            RealNameAssessment assessment = realName(pending(segment, fx.testPackagePlan()));
            assertThat(assessment.requirement().code()).isEqualTo("TEST_PACKAGE");
            assertThat(assessment.satisfied()).isTrue();
        }
    }

    @Test
    void directionalDataOnlyNeedsOnlyTheEnterpriseLevel() {
        RealNameAssessment assessment = realName(pending("138", fx.directionalDataPlan()));
        assertThat(assessment.requirement().code()).isEqualTo("DIRECTIONAL_DATA_ONLY");
        assertThat(assessment.requirement().endUserRequired()).isFalse();
        assertThat(assessment.satisfied()).isTrue();
    }

    @Test
    void nonDirectionalDataNeedsAVerifiedEndUserOrAProvincialApproval() {
        String iccid = pending("138", fx.nonDirectionalDataPlan());
        RealNameAssessment none = realName(iccid);
        assertThat(none.requirement().code()).isEqualTo("NON_DIRECTIONAL_DATA");
        assertThat(none.requirement().exceptionKind()).isEqualTo(ExceptionKind.PROVINCIAL_APPROVAL);
        assertThat(none.missing()).containsExactly(RealNameGap.END_USER_REQUIRED);

        fx.bind(agentId, iccid, newIdentity());
        assertThat(realName(iccid).missing()).containsExactly(RealNameGap.END_USER_NOT_VERIFIED);

        fx.decide(iccid, fx.photos(agentId, iccid), true);
        assertThat(realName(iccid).satisfied()).isTrue();
    }

    @Test
    void a149NumberWithNonDirectionalVoiceNeedsAVerifiedEndUserAndNothingWaivesIt() {
        String iccid = pending("149", fx.nonDirectionalVoicePlan());
        RealNameAssessment assessment = realName(iccid);
        assertThat(assessment.requirement().code()).isEqualTo("SEGMENT_149_NON_DIRECTIONAL_VOICE_SMS");
        assertThat(assessment.requirement().exceptionKind()).isEqualTo(ExceptionKind.NOT_ALLOWED);
        assertThat(assessment.missing()).containsExactly(RealNameGap.END_USER_REQUIRED);
        for (com.realsim.approval.ExceptionKind kind : com.realsim.approval.ExceptionKind.values()) {
            assertThatThrownBy(() -> RunAs.run(agent, () -> exceptions.request(iccid, kind, "remote meters")))
                    .isInstanceOfSatisfying(
                            DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.EXCEPTION_NOT_ALLOWED));
        }
        fx.verifiedEndUser(agentId, iccid, newIdentity());
        assertThat(realName(iccid).satisfied()).isTrue();
    }

    @Test
    void a149NumberWithDirectionalSmsNeedsAnEndUserOrAGroupApproval() {
        RealNameAssessment assessment = realName(pending("149", fx.directionalSmsPlan()));
        assertThat(assessment.requirement().code()).isEqualTo("SEGMENT_149_DIRECTIONAL_VOICE_SMS");
        assertThat(assessment.requirement().exceptionKind()).isEqualTo(ExceptionKind.GROUP_APPROVAL);
        assertThat(assessment.missing()).containsExactly(RealNameGap.END_USER_REQUIRED);
    }

    @Test
    void whatTheTableDoesNotNameFallsBackToTheDefaultThatNeedsTheEndUser() {
        RealNameAssessment assessment = realName(pending("138", fx.directionalSmsPlan()));
        assertThat(assessment.requirement().code()).isEqualTo("DEFAULT");
        assertThat(assessment.requirement().exceptionKind()).isEqualTo(ExceptionKind.PROVINCIAL_APPROVAL);
        assertThat(assessment.missing()).containsExactly(RealNameGap.END_USER_REQUIRED);
    }

    @Test
    void theEnterpriseLevelIsAlwaysRequiredVerifiedEnterpriseAndAnOrdersHandler() {
        String inInventory = fx.inventoryCard("138", fx.directionalDataPlan());
        assertThat(realName(inInventory).missing())
                .containsExactly(
                        RealNameGap.ENTERPRISE_NOT_VERIFIED,
                        RealNameGap.RESPONSIBLE_PERSON_MISSING,
                        RealNameGap.HANDLER_MISSING);

        long draft = fx.draftEnterprise(agentId);
        String ofDraft = fx.enterpriseCard(agentId, draft, "138", fx.directionalDataPlan());
        assertThat(realName(ofDraft).missing())
                .contains(RealNameGap.ENTERPRISE_NOT_VERIFIED)
                .doesNotContain(RealNameGap.HANDLER_MISSING);
        assertThatThrownBy(() -> fx.activate(ofDraft)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.REAL_NAME_INCOMPLETE);
            assertThat(e.details().get("missing")).asList().contains("ENTERPRISE_NOT_VERIFIED");
        });
    }

    // --- approved exceptions --------------------------------------------------------------------------------------

    ExceptionView approve(String iccid, com.realsim.approval.ExceptionKind kind, Actor ops) {
        ExceptionView requested =
                RunAs.run(agent, () -> exceptions.request(iccid, kind, "meters in remote substations"));
        RunAs.run(agent, () -> exceptions.attachDocument(requested.id(), TestFiles.pdf()));
        return RunAs.run(ops, () -> exceptions.approve(requested.id(), "signed by the deputy GM"));
    }

    @Test
    void anApprovedProvincialExceptionWaivesTheEndUserAndTheCardNamesTheApproval() {
        String iccid = pending("138", fx.nonDirectionalDataPlan());
        Actor ops = ActorAuthentication.actor(Role.OPS, null, null);
        ExceptionView approved = approve(iccid, com.realsim.approval.ExceptionKind.PROVINCIAL_APPROVAL, ops);

        CardView card = fx.view(iccid);
        assertThat(card.realName().satisfied()).isTrue();
        assertThat(card.waivedByException()).isTrue();
        assertThat(card.approvedException().exceptionId()).isEqualTo(approved.id());
        assertThat(card.approvedException().approvedBy()).isEqualTo(ops.name());
        assertThat(card.exceptionRequestable()).isFalse();

        long id = card.id();
        assertThat(mvc.get()
                        .uri("/cards/{id}", id)
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(agent)))
                .bodyText()
                .contains("An approved exception waives the end user&#39;s real-name for this card")
                .contains("/exceptions/" + approved.id())
                .contains("Provincial approval #" + approved.id() + ", approved by " + ops.name())
                .doesNotContain("/exceptions/new");
        assertThat(mvc.get()
                        .uri("/cards/{id}", id)
                        .header("Accept-Language", "zh-CN")
                        .with(ActorAuthentication.as(enterpriseAdmin(enterpriseId))))
                .bodyText()
                .contains("已批准的例外免除了该卡的使用人实名要求")
                .contains("#" + approved.id() + "，由 " + ops.name());
        assertThat(mvc.get().uri("/api/v1/cards/{iccid}", iccid).with(ActorAuthentication.as(agent)))
                .bodyJson()
                .extractingPath("$.realName.approvedException.waivesEndUser")
                .isEqualTo(true);
        assertThat(fx.activate(iccid).state()).isEqualTo(CardState.ACTIVE);
    }

    @Test
    void anApprovalLetsACardStoppedForItsRealNameWorkAgain() {
        long to = fx.verifiedEnterprise(agentId);
        String iccid = fx.activeCardWithEndUser(agentId, enterpriseId, fx.nonDirectionalDataPlan(), newIdentity());
        fx.cardOrders.transfer(List.of(iccid), to, newOrder());
        assertThat(fx.view(iccid).activeReasons())
                .extracting(BlockingReasonView::reason)
                .containsExactly(BlockingReason.UNVERIFIED);

        approve(
                iccid,
                com.realsim.approval.ExceptionKind.PROVINCIAL_APPROVAL,
                ActorAuthentication.actor(Role.OPS, null, null));

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> fx.view(iccid).state() == CardState.ACTIVE);
    }

    @Test
    void anExceptionOfAnotherKindThanTheRuleAllowsCannotBeRequested() {
        String provincial = pending("138", fx.nonDirectionalDataPlan());
        assertThatThrownBy(() -> RunAs.run(
                        agent,
                        () -> exceptions.request(
                                provincial, com.realsim.approval.ExceptionKind.GROUP_APPROVAL, "x y z")))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EXCEPTION_NOT_ALLOWED));
        String dataOnly = pending("138", fx.directionalDataPlan());
        assertThatThrownBy(() -> RunAs.run(
                        agent,
                        () -> exceptions.request(
                                dataOnly, com.realsim.approval.ExceptionKind.PROVINCIAL_APPROVAL, "x y z")))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EXCEPTION_NOT_ALLOWED));
    }

    // --- the approval module's view of a card (ExceptionEligibility) ----------------------------------------------

    @Test
    void eachExceptionKindOfThePolicyMapsToWhatTheApprovalModuleAllows() {
        assertThat(CardExceptionEligibility.allowed(ExceptionKind.NONE_NEEDED))
                .isEqualTo(CardEligibility.Allowed.NOT_NEEDED);
        assertThat(CardExceptionEligibility.allowed(ExceptionKind.PROVINCIAL_APPROVAL))
                .isEqualTo(CardEligibility.Allowed.PROVINCIAL_APPROVAL);
        assertThat(CardExceptionEligibility.allowed(ExceptionKind.GROUP_APPROVAL))
                .isEqualTo(CardEligibility.Allowed.GROUP_APPROVAL);
        assertThat(CardExceptionEligibility.allowed(ExceptionKind.NOT_ALLOWED))
                .isEqualTo(CardEligibility.Allowed.NOT_ALLOWED);
    }

    @Test
    void theApprovalModuleSeesACardThroughTheActorsScopeWithTheKindItAllows() {
        record Case(String segment, String plan, CardEligibility.Allowed allowed, String code) {}
        for (Case c : List.of(
                new Case("138", fx.directionalDataPlan(), CardEligibility.Allowed.NOT_NEEDED, "DIRECTIONAL_DATA_ONLY"),
                new Case(
                        "138",
                        fx.nonDirectionalDataPlan(),
                        CardEligibility.Allowed.PROVINCIAL_APPROVAL,
                        "NON_DIRECTIONAL_DATA"),
                new Case(
                        "149",
                        fx.directionalSmsPlan(),
                        CardEligibility.Allowed.GROUP_APPROVAL,
                        "SEGMENT_149_DIRECTIONAL_VOICE_SMS"),
                new Case(
                        "149",
                        fx.nonDirectionalVoicePlan(),
                        CardEligibility.Allowed.NOT_ALLOWED,
                        "SEGMENT_149_NON_DIRECTIONAL_VOICE_SMS"))) {
            String iccid = pending(c.segment(), c.plan());
            CardEligibility eligibility = RunAs.run(agent, () -> exceptions.eligibility(iccid));
            assertThat(eligibility.allowed()).as(c.code()).isEqualTo(c.allowed());
            assertThat(eligibility.requirementCode()).isEqualTo(c.code());
            assertThat(eligibility.agentId()).isEqualTo(agentId);
            assertThat(eligibility.enterpriseId()).isEqualTo(enterpriseId);
            assertThat(RunAs.run(enterpriseAdmin(enterpriseId), () -> exceptions.eligibility(iccid))
                            .cardId())
                    .isEqualTo(eligibility.cardId());
            assertThatThrownBy(() -> RunAs.run(agent(newAgent()), () -> exceptions.eligibility(iccid)))
                    .isInstanceOf(NotFoundException.class);
        }
        String inInventory = fx.inventoryCard("138", fx.directionalDataPlan());
        assertThatThrownBy(() -> RunAs.run(agent, () -> exceptions.eligibility(inInventory)))
                .isInstanceOf(NotFoundException.class);
    }
}
