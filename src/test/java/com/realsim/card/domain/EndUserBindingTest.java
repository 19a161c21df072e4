package com.realsim.card.domain;

import static com.realsim.card.CardFixtures.agent;
import static com.realsim.card.CardFixtures.newAgent;
import static com.realsim.card.CardFixtures.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.card.BlockingReason;
import com.realsim.card.BlockingReasonView;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.card.CardTestConfiguration;
import com.realsim.card.CardView;
import com.realsim.card.EndUserPhoto;
import com.realsim.card.EndUserPhotoStored;
import com.realsim.card.EndUserService;
import com.realsim.card.EndUserStatus;
import com.realsim.card.RealNameGap;
import com.realsim.catalogue.Operator;
import com.realsim.identity.IdDocument;
import com.realsim.identity.UnmaskService;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.NotFoundException;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import com.realsim.verification.EndUserSubmission;
import com.realsim.verification.IssuedLink;
import com.realsim.verification.SelfServiceLinks;
import com.realsim.verification.SubmissionOutcome;
import com.realsim.verification.VerificationCaseView;
import com.realsim.verification.VerificationService;
import com.realsim.verification.VerificationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The end user (使用人) of a card through the real binding path: one ID, at most N cards per operator (in the
 * binding's transaction, under concurrency), slots freed by cancellation and replacement, the photos that open the
 * verification and the decision that completes it, self-service through the SPI, and audited unmasking.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
class EndUserBindingTest {

    static final int RACERS = 32;

    @Autowired
    ApplicationContext context;

    @Autowired
    EndUserService endUsers;

    @Autowired
    CardService cards;

    @Autowired
    SelfServiceLinks links;

    @Autowired
    VerificationService verifications;

    @Autowired
    UnmaskService unmasking;

    @Autowired
    QuotaDriftCheck driftCheck;

    @Autowired
    JdbcTemplate sql;

    CardFixtures fx;
    long agentId;
    long enterpriseId;

    @BeforeEach
    void fixtures() {
        fx = new CardFixtures(context);
        agentId = newAgent();
        enterpriseId = fx.verifiedEnterprise(agentId);
    }

    String card() {
        return fx.enterpriseCard(agentId, enterpriseId, "138", fx.nonDirectionalDataPlan());
    }

    String card(Operator operator) {
        return fx.enterpriseCard(agentId, enterpriseId, "130", fx.nonDirectionalDataPlan(), operator);
    }

    static ErrorCode codeOf(Throwable e) {
        return ((DomainException) e).code();
    }

    long bindings(String iccid) {
        return sql.queryForObject(
                "SELECT count(*) FROM card_end_user e JOIN card c ON c.id = e.card_id WHERE c.iccid = ?",
                Long.class,
                iccid);
    }

    // --- one ID, at most N cards ----------------------------------------------------------------------------------

    @Test
    void bindingTakesASlotTheSameIdentityAgainTakesNoSecondAndAnotherIdentityGivesItBack() {
        String iccid = card();
        IdDocument first = newIdentity();
        IdDocument second = newIdentity();

        CardView bound = fx.bind(agentId, iccid, first);
        assertThat(bound.endUser().status()).isEqualTo(EndUserStatus.BOUND);
        assertThat(bound.endUser().idNumber()).isEqualTo(first.masked()).doesNotContain(first.number());
        assertThat(bound.endUser().name()).isEqualTo("王*明");
        assertThat(fx.held(Operator.CHINA_MOBILE, first)).isEqualTo(1);

        fx.bind(agentId, iccid, first);
        assertThat(fx.held(Operator.CHINA_MOBILE, first)).isEqualTo(1);

        fx.bind(agentId, iccid, second);
        assertThat(fx.held(Operator.CHINA_MOBILE, first)).isZero();
        assertThat(fx.held(Operator.CHINA_MOBILE, second)).isEqualTo(1);
        assertThat(bindings(iccid)).as("ended bindings stay as history").isEqualTo(3);
        assertThat(sql.queryForObject(
                        "SELECT count(*) FROM card_end_user e JOIN card c ON c.id = e.card_id"
                                + " WHERE c.iccid = ? AND e.ended_at IS NULL AND e.end_reason IS NULL",
                        Long.class,
                        iccid))
                .isEqualTo(1);
    }

    @Test
    void theSixthCardOfAnIdentityIsRefusedAtOneOperatorAndFineAtAnother() {
        IdDocument person = newIdentity();
        for (int i = 0; i < 5; i++) {
            fx.bind(agentId, card(), person);
        }
        String sixth = card();

        assertThatThrownBy(() -> fx.bind(agentId, sixth, person)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
            assertThat(e.details()).containsEntry("operator", "CHINA_MOBILE").containsEntry("limit", 5);
        });
        assertThat(fx.view(sixth).endUser()).as("the refusal kept nothing").isNull();
        assertThat(fx.held(Operator.CHINA_MOBILE, person)).isEqualTo(5);

        String unicom = card(Operator.CHINA_UNICOM);
        assertThat(fx.bind(agentId, unicom, person).endUser()).isNotNull();
        assertThat(fx.held(Operator.CHINA_UNICOM, person)).isEqualTo(1);
    }

    @Test
    void aCancelledCardFreesItsSlotAndASuspendedCardKeepsIt() {
        IdDocument person = newIdentity();
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String iccid = fx.enterpriseCard(agentId, enterpriseId, "138", fx.directionalDataPlan());
            fx.bind(agentId, iccid, person);
            held.add(iccid);
        }
        String active = fx.activeDataCard(agentId, enterpriseId);
        fx.bind(agentId, active, person);
        RunAs.run(CardFixtures.OPS, () -> cards.suspend(active, "fraud check"));
        assertThat(fx.view(active).state()).isEqualTo(CardState.SUSPENDED);
        String sixth = card();

        assertThatThrownBy(() -> fx.bind(agentId, sixth, person))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.QUOTA_EXCEEDED));

        RunAs.run(agent(agentId), () -> cards.cancel(held.get(0), "device scrapped"));
        assertThat(fx.held(Operator.CHINA_MOBILE, person)).isEqualTo(4);
        assertThat(fx.bind(agentId, sixth, person).endUser()).isNotNull();
        assertThat(fx.view(held.get(0)).endUser())
                .as("a cancelled card still shows who used it")
                .isNotNull();
        assertThat(fx.held(Operator.CHINA_MOBILE, person)).isEqualTo(5);
    }

    @Test
    void concurrentBindingsOfManyCardsToAnIdentityHoldingFourEndWithExactlyOneWinner() throws Exception {
        IdDocument person = newIdentity();
        for (int i = 0; i < 4; i++) {
            fx.bind(agentId, card(), person);
        }
        List<String> racing = fx.inventoryCards(RACERS, "138", fx.nonDirectionalDataPlan());
        fx.cardOrders.handOver(racing, agentId, enterpriseId, CardFixtures.newOrder(), CardFixtures.OPS);
        Actor agent = agent(agentId);

        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ErrorCode>> outcomes = new ArrayList<>();
        try {
            for (String iccid : racing) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        RunAs.run(agent, () -> endUsers.bind(iccid, CardFixtures.details(person)));
                        return null;
                    } catch (DomainException refused) {
                        return refused.code();
                    }
                }));
            }
            start.countDown();
            List<ErrorCode> codes = new ArrayList<>();
            for (Future<ErrorCode> outcome : outcomes) {
                codes.add(outcome.get(60, TimeUnit.SECONDS));
            }
            assertThat(codes.stream().filter(code -> code == null)).hasSize(1);
            assertThat(codes.stream().filter(code -> code == ErrorCode.QUOTA_EXCEEDED))
                    .hasSize(RACERS - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fx.held(Operator.CHINA_MOBILE, person)).isEqualTo(5);
        assertThat(racing.stream().filter(iccid -> fx.view(iccid).endUser() != null))
                .hasSize(1);
        assertThat(driftCheck.check())
                .as("every counter equals the real count of bound cards")
                .isEmpty();
    }

    // --- photos, verification, decision ---------------------------------------------------------------------------

    @Test
    void theThreePhotosOpenTheVerificationAndItsApprovalVerifiesTheEndUser() {
        String iccid = card();
        fx.bind(agentId, iccid, newIdentity());
        Actor agent = agent(agentId);

        EndUserPhotoStored front =
                RunAs.run(agent, () -> endUsers.attachPhoto(iccid, EndUserPhoto.ID_FRONT, TestFiles.jpeg()));
        assertThat(front.verificationCaseId()).isNull();
        assertThat(fx.view(iccid).endUser().missingPhotos())
                .containsExactly(EndUserPhoto.ID_BACK, EndUserPhoto.LIVE_PHOTO);
        RunAs.run(agent, () -> endUsers.attachPhoto(iccid, EndUserPhoto.LIVE_PHOTO, TestFiles.jpeg()));
        EndUserPhotoStored back =
                RunAs.run(agent, () -> endUsers.attachPhoto(iccid, EndUserPhoto.ID_BACK, TestFiles.png()));
        assertThat(back.verificationCaseId()).isNotNull();

        VerificationCaseView kase = RunAs.run(CardFixtures.OPS, () -> verifications.get(back.verificationCaseId()));
        assertThat(kase.subjectType()).isEqualTo("CARD");
        assertThat(kase.subjectLabel()).isEqualTo(iccid);
        assertThat(kase.status()).isEqualTo(VerificationStatus.PENDING_REVIEW);
        assertThat(kase.idBackDocumentId()).isEqualTo(back.documentId());
        assertThat(fx.view(iccid).endUser().underReview()).isTrue();
        assertThatThrownBy(() ->
                        RunAs.run(agent, () -> endUsers.attachPhoto(iccid, EndUserPhoto.ID_FRONT, TestFiles.jpeg())))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION));

        fx.decide(iccid, back.verificationCaseId(), true);
        CardView verified = fx.view(iccid);
        assertThat(verified.endUser().status()).isEqualTo(EndUserStatus.VERIFIED);
        assertThat(verified.realName().satisfied()).isTrue();
    }

    @Test
    void aRejectedEndUserKeepsTheSlotUntilReplacedAndStartsOverByBindingAgain() {
        String iccid = card();
        IdDocument person = newIdentity();
        fx.bind(agentId, iccid, person);
        fx.decide(iccid, fx.photos(agentId, iccid), false);

        CardView rejected = fx.view(iccid);
        assertThat(rejected.endUser().status()).isEqualTo(EndUserStatus.REJECTED);
        assertThat(rejected.realName().missing()).containsExactly(RealNameGap.END_USER_NOT_VERIFIED);
        assertThat(fx.held(Operator.CHINA_MOBILE, person)).isEqualTo(1);
        assertThatThrownBy(() -> RunAs.run(
                        agent(agentId), () -> endUsers.attachPhoto(iccid, EndUserPhoto.ID_FRONT, TestFiles.jpeg())))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION));

        fx.bind(agentId, iccid, person);
        assertThat(fx.view(iccid).endUser().status()).isEqualTo(EndUserStatus.BOUND);
        assertThat(fx.held(Operator.CHINA_MOBILE, person)).isEqualTo(1);
        fx.decide(iccid, fx.photos(agentId, iccid), true);
        assertThat(fx.activate(iccid).state()).isEqualTo(CardState.ACTIVE);
    }

    @Test
    void aPassportHasNoBackToPhotograph() {
        String iccid = card();
        IdDocument passport = CardFixtures.newPassport();
        RunAs.run(agent(agentId), () -> endUsers.bind(iccid, CardFixtures.details(passport)));
        Actor agent = agent(agentId);
        RunAs.run(agent, () -> endUsers.attachPhoto(iccid, EndUserPhoto.ID_FRONT, TestFiles.jpeg()));
        EndUserPhotoStored live =
                RunAs.run(agent, () -> endUsers.attachPhoto(iccid, EndUserPhoto.LIVE_PHOTO, TestFiles.jpeg()));
        assertThat(live.verificationCaseId()).isNotNull();
    }

    @Test
    void aNewEndUserOnAWorkingCardThatNeedsOneStopsItUntilVerified() {
        String iccid = fx.activeCardWithEndUser(agentId, enterpriseId, fx.nonDirectionalDataPlan(), newIdentity());
        fx.bind(agentId, iccid, newIdentity());

        CardView stopped = fx.view(iccid);
        assertThat(stopped.state()).isEqualTo(CardState.SUSPENDED);
        assertThat(stopped.activeReasons())
                .extracting(BlockingReasonView::reason)
                .containsExactly(BlockingReason.UNVERIFIED);

        fx.decide(iccid, fx.photos(agentId, iccid), true);
        assertThat(fx.view(iccid).state()).isEqualTo(CardState.ACTIVE);
    }

    @Test
    void endUsersAreBoundByAgentsOnlyAndNeverToCancelledCards() {
        String iccid = card();
        for (Actor other : List.of(CardFixtures.OPS, CardFixtures.enterpriseAdmin(enterpriseId))) {
            assertThatThrownBy(() -> RunAs.run(other, () -> endUsers.bind(iccid, CardFixtures.details(newIdentity()))))
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.FORBIDDEN));
        }
        assertThatThrownBy(() -> fx.bind(newAgent(), iccid, newIdentity())).isInstanceOf(NotFoundException.class);
        fx.bind(agentId, iccid, newIdentity());
        RunAs.run(CardFixtures.OPS, () -> cards.cancel(iccid, "lost"));
        assertThatThrownBy(() -> fx.bind(agentId, iccid, newIdentity()))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION));
        assertThatThrownBy(() -> RunAs.run(
                        agent(agentId), () -> endUsers.attachPhoto(iccid, EndUserPhoto.ID_FRONT, TestFiles.jpeg())))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("card.state.notWithCustomer"));
    }

    // --- self-service through the SPI -----------------------------------------------------------------------------

    static String token(IssuedLink link) {
        return link.url().substring(link.url().lastIndexOf('/') + 1);
    }

    static EndUserSubmission submission(IdDocument identity) {
        return new EndUserSubmission(
                "李四", identity, "上海市黄浦区南京东路 1 号", TestFiles.jpeg(), TestFiles.png(), TestFiles.jpeg());
    }

    @Test
    void anEndUserCompletesRealNameThroughASelfServiceLinkWithoutAnAccount() {
        String iccid = card();
        IssuedLink link = RunAs.run(CardFixtures.enterpriseAdmin(enterpriseId), () -> endUsers.selfServiceLink(iccid));
        long cardId = fx.view(iccid).id();

        assertThat(links.find(token(link))).get().satisfies(open -> {
            assertThat(open.subject().label()).isEqualTo(iccid.substring(0, 4) + "****" + iccid.substring(16));
            assertThat(open.subject().enterpriseName()).startsWith("测试企业");
        });
        IdDocument person = newIdentity();
        SubmissionOutcome outcome = links.redeem(token(link), submission(person));

        CardView card = fx.view(iccid);
        assertThat(card.endUser().status()).isEqualTo(EndUserStatus.BOUND);
        assertThat(card.endUser().verificationCaseId()).isEqualTo(outcome.caseId());
        assertThat(card.endUser().boundBy()).isEqualTo("self-service");
        assertThat(fx.held(Operator.CHINA_MOBILE, person)).isEqualTo(1);
        assertThat(sql.queryForList(
                        "SELECT uploaded_by FROM stored_document WHERE owner_type = 'CARD' AND owner_id = ?",
                        String.class,
                        cardId))
                .hasSize(3)
                .containsOnly("system");
        assertThat(RunAs.run(CardFixtures.OPS, () -> verifications.get(outcome.caseId()))
                        .selfService())
                .isTrue();

        fx.decide(iccid, outcome.caseId(), true);
        assertThat(fx.activate(iccid).state()).isEqualTo(CardState.ACTIVE);
    }

    @Test
    void aQuotaRefusalReachesTheEndUserAndKeepsNothingWhileACancelledCardEndsTheLink() {
        IdDocument person = newIdentity();
        for (int i = 0; i < 5; i++) {
            fx.bind(agentId, card(), person);
        }
        String iccid = card();
        IssuedLink link = RunAs.run(agent(agentId), () -> endUsers.selfServiceLink(iccid));

        assertThatThrownBy(() -> links.redeem(token(link), submission(person)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.QUOTA_EXCEEDED));
        assertThat(links.find(token(link))).as("the link stays unused").isPresent();
        assertThat(fx.view(iccid).endUser()).isNull();
        assertThat(fx.held(Operator.CHINA_MOBILE, person)).isEqualTo(5);

        RunAs.run(CardFixtures.OPS, () -> cards.cancel(iccid, "lost"));
        assertThat(links.find(token(link))).isEmpty();
        assertThatThrownBy(() -> links.redeem(token(link), submission(newIdentity())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void selfServiceLinksAreIssuedByTheCardsAgentAndEnterpriseAdminOnly() {
        String iccid = card();
        assertThatThrownBy(() -> RunAs.run(CardFixtures.OPS, () -> endUsers.selfServiceLink(iccid)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.FORBIDDEN));
        assertThatThrownBy(() -> RunAs.run(agent(newAgent()), () -> endUsers.selfServiceLink(iccid)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> RunAs.run(
                        CardFixtures.enterpriseAdmin(enterpriseId + 1_000_000), () -> endUsers.selfServiceLink(iccid)))
                .isInstanceOf(NotFoundException.class);
    }

    // --- unmasking ------------------------------------------------------------------------------------------------

    @Test
    void opsUnmaskTheEndUserWithAReasonOnRecordAndNobodyElseCan() {
        String iccid = card();
        IdDocument person = newIdentity();
        fx.bind(agentId, iccid, person);
        long cardId = fx.view(iccid).id();
        Actor ops = ActorAuthentication.actor(Role.OPS, null, null);

        assertThat(RunAs.run(
                        ops, () -> unmasking.unmask("CARD", cardId, "endUser.idNumber", "customer called about fraud")))
                .isEqualTo(person.number());
        assertThat(RunAs.run(
                        ops, () -> unmasking.unmask("CARD", cardId, "endUser.name", "customer called about fraud")))
                .isEqualTo("王小明");
        assertThat(RunAs.run(
                        ops,
                        () -> unmasking.unmask("CARD", cardId, "endUser.idAddress", "customer called about fraud")))
                .startsWith("北京市");
        assertThatThrownBy(
                        () -> RunAs.run(ops, () -> unmasking.unmask("CARD", cardId, "endUser.phone", "a good reason")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> RunAs.run(
                        agent(agentId), () -> unmasking.unmask("CARD", cardId, "endUser.idNumber", "a good reason")))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.FORBIDDEN));
    }
}
