package com.realsim.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.realsim.card.BlockingReason;
import com.realsim.card.BlockingReasonView;
import com.realsim.card.CardControl;
import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.card.CardSummary;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.platform.Actor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.MutableClock;
import com.realsim.verification.VerificationService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Orders against the database: what they refuse at submission, how each type completes, and its card effects. */
@SpringBootTest
@Import(OrderTestConfiguration.class)
class OrderServiceTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    OrderService orders;

    @Autowired
    CardService cards;

    @Autowired
    CardControl control;

    @Autowired
    VerificationService verifications;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    OrderFixtures fixtures;
    long agentId;
    Actor agent;
    EnterpriseView enterprise;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(context);
        agentId = OrderFixtures.newAgentId();
        agent = OrderFixtures.agent(agentId);
        enterprise = fixtures.verifiedEnterprise(agentId);
    }

    private CardSummary card(String iccid) {
        return control.card(iccid).orElseThrow();
    }

    private static void assertFieldProblem(Throwable thrown, String field) {
        assertThat(thrown).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) thrown).fieldProblems())
                .extracting(FieldProblem::field)
                .contains(field);
    }

    // --- new installation -----------------------------------------------------------------------------------------

    @Test
    void aNewInstallationWaitsForItsPhotosAndTheComparisonThenHandsTheCardsOver() {
        List<String> iccids = fixtures.inventory(3, fixtures.dataOnlyPlan());
        OrderView order = fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids));
        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_VERIFICATION);
        assertThat(order.pending())
                .containsExactly(
                        "DOCUMENT:CERTIFICATE",
                        "DOCUMENT:RESPONSIBLE_ID",
                        "DOCUMENT:HANDLER_AUTHORIZATION",
                        "DOCUMENT:HANDLER_ID",
                        "HANDLER_PHOTO",
                        "VERIFICATION");
        assertThat(order.handler().name()).isEqualTo("李*");
        assertThat(order.handler().idNumber()).isEqualTo("420106********1639");
        assertThat(order.device().model()).isEqualTo("WM-200");

        fixtures.attachDocuments(agent, order.id());
        OrderView photographed = fixtures.attachHandlerPhoto(agent, order.id());
        assertThat(photographed.pending()).containsExactly("VERIFICATION");
        assertThat(photographed.verificationCaseId()).isNotNull();
        assertThat(photographed.verificationStatus()).isEqualTo("PENDING_REVIEW");
        assertThat(verifications.manualReviewOnly()).isTrue();
        assertThat(card(iccids.get(0)).state()).isEqualTo(CardState.INVENTORY);

        RunAs.run(OrderFixtures.ops(), () -> verifications.approve(photographed.verificationCaseId(), "Same person"));

        OrderView completed = fixtures.awaitClosed(agent, order.id());
        assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(completed.pending()).isEmpty();
        assertThat(completed.closedBy()).isEqualTo("system");
        assertThat(iccids).allSatisfy(iccid -> {
            CardSummary card = card(iccid);
            assertThat(card.state()).isEqualTo(CardState.PENDING_ACTIVATION);
            assertThat(card.enterpriseId()).isEqualTo(enterprise.id());
            assertThat(card.agentId()).isEqualTo(agentId);
        });
        // the order's handler is the handler of the cards' real-name: a data-only card can be activated now
        assertThat(RunAs.run(agent, () -> cards.activate(iccids.get(0))).state())
                .isEqualTo(CardState.ACTIVE);
    }

    @Test
    void aBulkOrderOfAThousandCardsCompletesAndListsItsCardsPageByPage() {
        List<String> iccids = fixtures.inventory(1_000, fixtures.dataOnlyPlan());
        OrderView order = fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids));
        assertThat(order.cardCount()).isEqualTo(1_000);

        assertThat(fixtures.throughComparison(agent, order.id()).status()).isEqualTo(OrderStatus.COMPLETED);

        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor;
            var page = RunAs.run(agent, () -> orders.cards(order.id(), after, 300));
            page.items().forEach(card -> {
                assertThat(card.state()).isEqualTo(CardState.PENDING_ACTIVATION);
                listed.add(card.iccid());
            });
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(listed).containsExactlyElementsOf(iccids);
        assertThat(jdbc.sql("SELECT count(*) FROM business_order_card WHERE order_id = :id AND open")
                        .param("id", order.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void testPackageCardsStartTheirTestPeriodAndOthersWaitForActivation() {
        String test = fixtures.inventory(1, fixtures.testPackagePlan()).get(0);
        String regular = fixtures.inventory(1, fixtures.dataOnlyPlan()).get(0);
        OrderView order = fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), List.of(test, regular)));

        assertThat(fixtures.throughComparison(agent, order.id()).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(card(test).state()).isEqualTo(CardState.TEST);
        assertThat(card(regular).state()).isEqualTo(CardState.PENDING_ACTIVATION);
    }

    @Test
    void aRejectedComparisonRejectsTheOrderWithTheReviewersReasonAndFreesTheCards() {
        List<String> iccids = fixtures.inventory(1, fixtures.dataOnlyPlan());
        OrderView order = fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids));
        fixtures.attachDocuments(agent, order.id());
        OrderView photographed = fixtures.attachHandlerPhoto(agent, order.id());

        RunAs.run(OrderFixtures.ops(), () -> verifications.reject(photographed.verificationCaseId(), "Not the same"));

        OrderView rejected = fixtures.awaitClosed(agent, order.id());
        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.rejection().code()).isEqualTo("VERIFICATION_REJECTED");
        assertThat(rejected.rejection().arguments()).containsExactly("Not the same");
        assertThat(rejected.verificationStatus()).isEqualTo("REJECTED");
        assertThat(card(iccids.get(0)).state()).isEqualTo(CardState.INVENTORY);
        // the card is free for another order
        assertThat(fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids))
                        .status())
                .isEqualTo(OrderStatus.AWAITING_VERIFICATION);
    }

    @Test
    void whenTheCardModuleRefusesTheCompletionTheOrderIsRejectedAndNoCardIsHalfHandedOver() {
        List<String> iccids = fixtures.inventory(3, fixtures.dataOnlyPlan());
        OrderView order = fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids));
        // OPS take the last card out of service while the order waits (an order does not reserve cards in the
        // inventory; it only keeps other orders off them)
        RunAs.run(OrderFixtures.ops(), () -> cards.cancel(iccids.get(2), "damaged in the warehouse"));

        OrderView rejected = fixtures.throughComparison(agent, order.id());

        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.rejection().code()).isEqualTo("ILLEGAL_STATE_TRANSITION");
        assertThat(rejected.rejection().iccid()).isEqualTo(iccids.get(2));
        assertThat(card(iccids.get(0)).state()).isEqualTo(CardState.INVENTORY);
        assertThat(card(iccids.get(0)).enterpriseId()).isNull();
        assertThat(card(iccids.get(1)).state()).isEqualTo(CardState.INVENTORY);
    }

    @Test
    void anAuthorisationThatExpiresBeforeCompletionRejectsTheOrder() {
        List<String> iccids = fixtures.inventory(1, fixtures.dataOnlyPlan());
        OrderInput.HandlerInput h = OrderFixtures.handler();
        OrderInput input = new OrderInput(
                OrderType.NEW_INSTALL,
                enterprise.id(),
                iccids,
                new OrderInput.HandlerInput(
                        h.name(),
                        h.idType(),
                        h.idNumber(),
                        h.idAddress(),
                        LocalDate.now(clock.withZone(com.realsim.platform.ChinaTime.ZONE))
                                .plusDays(1)),
                OrderFixtures.device(),
                null,
                null,
                null);
        OrderView order = fixtures.submit(agent, input);
        fixtures.attachDocuments(agent, order.id());
        OrderView photographed = fixtures.attachHandlerPhoto(agent, order.id());
        clock.advance(Duration.ofDays(3));

        RunAs.run(OrderFixtures.ops(), () -> verifications.approve(photographed.verificationCaseId(), "Same person"));

        OrderView rejected = fixtures.awaitClosed(agent, order.id());
        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.rejection().code()).isEqualTo("AUTHORIZATION_EXPIRED");
        assertThat(card(iccids.get(0)).state()).isEqualTo(CardState.INVENTORY);
    }

    // --- refusals at submission -----------------------------------------------------------------------------------

    @Test
    void anUnverifiedEnterpriseIsRefusedAsIncompleteRealName() {
        EnterpriseView draft = fixtures.draftEnterprise(agentId);
        List<String> iccids = fixtures.inventory(1, fixtures.dataOnlyPlan());
        assertThatThrownBy(() -> fixtures.submit(agent, OrderFixtures.newInstall(draft.id(), iccids)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REAL_NAME_INCOMPLETE);
                    assertThat(e.details().get("missing")).isEqualTo(List.of("ENTERPRISE_NOT_VERIFIED"));
                });
    }

    @Test
    void anotherAgentsEnterpriseIsNotFound() {
        List<String> iccids = fixtures.inventory(1, fixtures.dataOnlyPlan());
        Actor other = OrderFixtures.agent(OrderFixtures.newAgentId());
        assertThatThrownBy(() -> fixtures.submit(other, OrderFixtures.newInstall(enterprise.id(), iccids)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anExpiredAuthorisationIsRefused() {
        List<String> iccids = fixtures.inventory(1, fixtures.dataOnlyPlan());
        OrderInput.HandlerInput h = OrderFixtures.handler();
        OrderInput expired = new OrderInput(
                OrderType.NEW_INSTALL,
                enterprise.id(),
                iccids,
                new OrderInput.HandlerInput(
                        h.name(),
                        h.idType(),
                        h.idNumber(),
                        h.idAddress(),
                        LocalDate.now().minusDays(30)),
                OrderFixtures.device(),
                null,
                null,
                null);
        assertThatThrownBy(() -> fixtures.submit(agent, expired))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTHORIZATION_EXPIRED));
    }

    @Test
    void aBadIccidIsNamedByItsIndex() {
        List<String> iccids = new ArrayList<>(fixtures.inventory(2, fixtures.dataOnlyPlan()));
        iccids.add(1, "89860012345678901234");
        assertThatThrownBy(() -> fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ICCID);
                    assertThat(e.fieldProblems())
                            .singleElement()
                            .satisfies(p -> assertThat(p.field()).isEqualTo("iccids[1]"));
                });
    }

    @Test
    void cardsNotInTheInventoryAreNamedByTheirIndex() {
        List<String> free = fixtures.inventory(2, fixtures.dataOnlyPlan());
        List<String> taken = fixtures.enterpriseCards(2, fixtures.dataOnlyPlan(), agentId, enterprise.id());
        List<String> iccids = List.of(free.get(0), taken.get(0), free.get(1), taken.get(1), OrderFixtures.iccid());
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids)));
        assertThat(((ValidationException) thrown).fieldProblems())
                .extracting(FieldProblem::field)
                .containsExactly("iccids[1]", "iccids[3]", "iccids[4]");
    }

    @Test
    void anotherEnterprisesCardsAndCardsInTheWrongStateAreRefused() {
        EnterpriseView other = fixtures.verifiedEnterprise(agentId);
        List<String> theirs = fixtures.enterpriseCards(1, fixtures.dataOnlyPlan(), agentId, other.id());
        List<String> ours = fixtures.enterpriseCards(1, fixtures.dataOnlyPlan(), agentId, enterprise.id());

        assertFieldProblem(
                org.assertj.core.api.Assertions.catchThrowable(() -> fixtures.submit(
                        agent, OrderFixtures.of(OrderType.REAL_NAME_SUPPLEMENT, enterprise.id(), theirs))),
                "iccids[0]");
        // a card waiting for activation cannot be suspended or resumed
        assertFieldProblem(
                org.assertj.core.api.Assertions.catchThrowable(
                        () -> fixtures.submit(agent, OrderFixtures.of(OrderType.SUSPEND, enterprise.id(), ours))),
                "iccids[0]");
        assertFieldProblem(
                org.assertj.core.api.Assertions.catchThrowable(
                        () -> fixtures.submit(agent, OrderFixtures.of(OrderType.RESUME, enterprise.id(), ours))),
                "iccids[0]");
    }

    @Test
    void aCardInAnotherOpenOrderIsRefusedUntilThatOrderIsCancelled() {
        List<String> iccids = fixtures.inventory(2, fixtures.dataOnlyPlan());
        OrderView first = fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids.subList(0, 1)));
        assertThatThrownBy(() -> fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CARD_IN_OPEN_ORDER);
                    assertThat(e.details().get("iccids")).isEqualTo(List.of(iccids.get(0)));
                });
        OrderView cancelled = RunAs.run(agent, () -> orders.cancel(first.id()));
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids))
                        .cardCount())
                .isEqualTo(2);
        assertThatThrownBy(() -> RunAs.run(agent, () -> orders.cancel(first.id())))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION));
    }

    @Test
    void theDatabaseItselfKeepsACardInOneOpenOrderAndFreesItWhenTheOrderCloses() {
        List<String> iccids = fixtures.inventory(2, fixtures.dataOnlyPlan());
        OrderView first = fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids.subList(0, 1)));
        OrderView second = fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids.subList(1, 2)));
        String addFirstCardToSecond =
                "INSERT INTO business_order_card (order_id, position, iccid, open) VALUES (?, 1, ?, true)";

        assertThatThrownBy(() -> jdbc.sql(addFirstCardToSecond)
                        .params(second.id(), iccids.get(0))
                        .update())
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("business_order_card_open_uk");
        RunAs.run(agent, () -> orders.cancel(first.id()));
        jdbc.sql(addFirstCardToSecond).params(second.id(), iccids.get(0)).update();

        String open = "SELECT iccid || ' ' || order_id FROM %s WHERE iccid IN (?, ?) %s ORDER BY 1";
        List<String> lookup = jdbc.sql(open.formatted("order_open_iccid", ""))
                .params(iccids.get(0), iccids.get(1))
                .query(String.class)
                .list();
        assertThat(lookup)
                .as("the lookup of open cards (V367) holds exactly the open rows")
                .containsExactlyInAnyOrder(iccids.get(0) + " " + second.id(), iccids.get(1) + " " + second.id())
                .isEqualTo(jdbc.sql(open.formatted("business_order_card", "AND open"))
                        .params(iccids.get(0), iccids.get(1))
                        .query(String.class)
                        .list());
    }

    @Test
    void twoAgentsSubmittingTheSameCardAtTheSameInstantEndWithOneOpenOrder() throws Exception {
        String iccid = fixtures.inventory(1, fixtures.dataOnlyPlan()).get(0);
        long otherAgentId = OrderFixtures.newAgentId();
        Actor otherAgent = OrderFixtures.agent(otherAgentId);
        EnterpriseView otherEnterprise = fixtures.verifiedEnterprise(otherAgentId);
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Actor who = i % 2 == 0 ? agent : otherAgent;
                long where = i % 2 == 0 ? enterprise.id() : otherEnterprise.id();
                Callable<Boolean> submit = () -> {
                    start.await();
                    try {
                        fixtures.submit(who, OrderFixtures.newInstall(where, List.of(iccid)));
                        return true;
                    } catch (DomainException refused) {
                        assertThat(refused.code()).isEqualTo(ErrorCode.CARD_IN_OPEN_ORDER);
                        return false;
                    }
                };
                results.add(pool.submit(submit));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> result : results) {
                accepted += result.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM business_order_card WHERE iccid = :iccid AND open")
                        .param("iccid", iccid)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void ordersRacingForOverlappingCardsInOppositeOrdersEndWithOneWithoutADeadlock() throws Exception {
        List<String> iccids = fixtures.inventory(40, fixtures.dataOnlyPlan());
        List<String> reversed = new ArrayList<>(iccids);
        java.util.Collections.reverse(reversed);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (List<String> cards : List.of(iccids, reversed)) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), cards));
                        return true;
                    } catch (DomainException refused) {
                        assertThat(refused.code()).isEqualTo(ErrorCode.CARD_IN_OPEN_ORDER);
                        return false;
                    }
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> result : results) {
                accepted += result.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    // --- the other types ------------------------------------------------------------------------------------------

    @Test
    void aTransferMovesTheCardsToAnotherVerifiedEnterpriseOfTheAgent() {
        EnterpriseView target = fixtures.verifiedEnterprise(agentId);
        List<String> iccids = fixtures.enterpriseCards(2, fixtures.dataOnlyPlan(), agentId, enterprise.id());
        OrderView order = fixtures.submit(agent, OrderFixtures.transfer(enterprise.id(), target.id(), iccids));
        assertThat(order.targetEnterpriseId()).isEqualTo(target.id());

        assertThat(fixtures.throughComparison(agent, order.id()).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(iccids)
                .allSatisfy(iccid -> assertThat(card(iccid).enterpriseId()).isEqualTo(target.id()));
    }

    @Test
    void aTransferToAnotherAgentsOrAnUnverifiedEnterpriseIsRefused() {
        List<String> iccids = fixtures.enterpriseCards(1, fixtures.dataOnlyPlan(), agentId, enterprise.id());
        long strangerId = OrderFixtures.newAgentId();
        EnterpriseView strangers = fixtures.verifiedEnterprise(strangerId);
        assertThatThrownBy(
                        () -> fixtures.submit(agent, OrderFixtures.transfer(enterprise.id(), strangers.id(), iccids)))
                .isInstanceOf(NotFoundException.class);
        EnterpriseView draft = fixtures.draftEnterprise(agentId);
        assertThatThrownBy(() -> fixtures.submit(agent, OrderFixtures.transfer(enterprise.id(), draft.id(), iccids)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REAL_NAME_INCOMPLETE);
                    assertThat(e.details().get("enterpriseId")).isEqualTo(draft.id());
                });
    }

    @Test
    void aRealNameSupplementCompletesAfterTheComparison() {
        List<String> iccids = fixtures.enterpriseCards(1, fixtures.dataOnlyPlan(), agentId, enterprise.id());
        OrderView order =
                fixtures.submit(agent, OrderFixtures.of(OrderType.REAL_NAME_SUPPLEMENT, enterprise.id(), iccids));
        assertThat(fixtures.throughComparison(agent, order.id()).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(card(iccids.get(0)).state()).isEqualTo(CardState.PENDING_ACTIVATION);
    }

    @Test
    void aCardReplacementCancelsTheOldCardsAndGivesTheNewOnesTheirPlace() {
        List<String> olds = fixtures.enterpriseCards(2, fixtures.dataOnlyPlan(), agentId, enterprise.id());
        List<String> news = fixtures.inventory(2, fixtures.dataOnlyPlan());
        OrderView order = fixtures.submit(agent, OrderFixtures.replacement(enterprise.id(), olds, news));
        assertThat(order.cardCount()).isEqualTo(2);
        // the new cards are in this open order too
        assertThatThrownBy(() -> fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), news)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CARD_IN_OPEN_ORDER));

        assertThat(fixtures.throughComparison(agent, order.id()).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(olds).allSatisfy(iccid -> assertThat(card(iccid).state()).isEqualTo(CardState.CANCELLED));
        assertThat(news).allSatisfy(iccid -> {
            assertThat(card(iccid).state()).isEqualTo(CardState.PENDING_ACTIVATION);
            assertThat(card(iccid).enterpriseId()).isEqualTo(enterprise.id());
        });
    }

    @Test
    void aReplacementsNewCardMustComeFromTheInventory() {
        List<String> olds = fixtures.enterpriseCards(1, fixtures.dataOnlyPlan(), agentId, enterprise.id());
        List<String> notFree = fixtures.enterpriseCards(1, fixtures.dataOnlyPlan(), agentId, enterprise.id());
        assertFieldProblem(
                org.assertj.core.api.Assertions.catchThrowable(
                        () -> fixtures.submit(agent, OrderFixtures.replacement(enterprise.id(), olds, notFree))),
                "replacements[0].newIccid");
    }

    @Test
    void suspendResumeAndCancelOrdersCompleteAsSoonAsTheirPhotosAreIn() {
        List<String> iccids = fixtures.enterpriseCards(2, fixtures.dataOnlyPlan(), agentId, enterprise.id());
        iccids.forEach(iccid -> RunAs.run(agent, () -> cards.activate(iccid)));

        OrderView suspend = fixtures.submit(agent, OrderFixtures.of(OrderType.SUSPEND, enterprise.id(), iccids));
        assertThat(suspend.pending())
                .containsExactly("DOCUMENT:CERTIFICATE", "DOCUMENT:RESPONSIBLE_ID", "DOCUMENT:HANDLER_AUTHORIZATION");
        assertThatThrownBy(() -> RunAs.run(agent, () -> orders.attachHandlerPhoto(suspend.id(), new byte[] {1})))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION));
        assertThat(fixtures.attachDocuments(agent, suspend.id()).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(iccids).allSatisfy(iccid -> {
            assertThat(card(iccid).state()).isEqualTo(CardState.SUSPENDED);
            assertThat(RunAs.run(agent, () -> cards.view(iccid)).activeReasons())
                    .extracting(BlockingReasonView::reason)
                    .containsExactly(BlockingReason.CUSTOMER_REQUEST);
        });

        OrderView resume = fixtures.submit(agent, OrderFixtures.of(OrderType.RESUME, enterprise.id(), iccids));
        assertThat(fixtures.attachDocuments(agent, resume.id()).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(iccids).allSatisfy(iccid -> assertThat(card(iccid).state()).isEqualTo(CardState.ACTIVE));

        OrderView cancel =
                fixtures.submit(agent, OrderFixtures.of(OrderType.CANCEL, enterprise.id(), iccids.subList(0, 1)));
        assertThat(fixtures.attachDocuments(agent, cancel.id()).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(card(iccids.get(0)).state()).isEqualTo(CardState.CANCELLED);
        assertThat(card(iccids.get(1)).state()).isEqualTo(CardState.ACTIVE);
    }

    @Test
    void aRebindWaitsForAnOpsDecisionWithMakerChecker() {
        List<String> iccids = fixtures.enterpriseCards(1, fixtures.imeiBoundPlan(), agentId, enterprise.id());
        OrderView order = fixtures.submit(agent, OrderFixtures.rebind(enterprise.id(), iccids, "860000000000017"));
        assertThat(order.imei()).isEqualTo("86000000****017");
        assertThat(order.pending()).endsWith("OPS_DECISION");

        // approving before the photos are in
        assertThatThrownBy(() -> RunAs.run(OrderFixtures.ops(), () -> orders.approve(order.id(), null)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DOCUMENTS_MISSING);
                    assertThat(e.details().get("kinds"))
                            .isEqualTo(List.of("CERTIFICATE", "HANDLER_AUTHORIZATION", "RESPONSIBLE_ID"));
                });
        OrderView documented = fixtures.attachDocuments(agent, order.id());
        assertThat(documented.pending()).containsExactly("OPS_DECISION");
        assertThat(documented.status()).isEqualTo(OrderStatus.AWAITING_VERIFICATION);

        // the account that submitted it (say, moved to OPS since) may not decide it
        Actor sameAccountAsOps =
                new Actor(agent.kind(), agent.id(), agent.name(), com.realsim.platform.Role.OPS, null, null);
        assertThatThrownBy(() -> RunAs.run(sameAccountAsOps, () -> orders.approve(order.id(), null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SELF_APPROVAL));
        assertThatThrownBy(() -> RunAs.run(agent, () -> orders.approve(order.id(), null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));

        Actor ops = OrderFixtures.ops();
        OrderView approved = RunAs.run(ops, () -> orders.approve(order.id(), "Device swapped after repair"));
        assertThat(approved.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(approved.decision().outcome()).isEqualTo("APPROVED");
        assertThat(approved.decision().decidedBy()).isEqualTo(ops.name());
        assertThat(RunAs.run(agent, () -> cards.view(iccids.get(0))).boundImeiMasked())
                .isEqualTo("86000000****017");
    }

    @Test
    void aThirdRebindInAMonthRejectsTheOrderAndLeavesEveryCardAsItWas() {
        String busy = fixtures.enterpriseCards(1, fixtures.imeiBoundPlan(), agentId, enterprise.id())
                .get(0);
        String calm = fixtures.enterpriseCards(1, fixtures.imeiBoundPlan(), agentId, enterprise.id())
                .get(0);
        for (String imei : List.of("860000000000025", "860000000000033")) {
            OrderView order = fixtures.submit(agent, OrderFixtures.rebind(enterprise.id(), List.of(busy), imei));
            fixtures.attachDocuments(agent, order.id());
            assertThat(RunAs.run(OrderFixtures.ops(), () -> orders.approve(order.id(), null))
                            .status())
                    .isEqualTo(OrderStatus.COMPLETED);
        }
        OrderView third =
                fixtures.submit(agent, OrderFixtures.rebind(enterprise.id(), List.of(calm, busy), "860000000000041"));
        fixtures.attachDocuments(agent, third.id());

        OrderView rejected = RunAs.run(OrderFixtures.ops(), () -> orders.approve(third.id(), null));

        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.rejection().code()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(rejected.rejection().iccid()).isNull();
        assertThat(RunAs.run(agent, () -> cards.view(calm)).boundImeiMasked()).isNull();
        assertThat(RunAs.run(agent, () -> cards.view(busy)).boundImeiMasked()).isEqualTo("86000000****033");
    }

    @Test
    void opsRejectARebindWithAReason() {
        List<String> iccids = fixtures.enterpriseCards(1, fixtures.imeiBoundPlan(), agentId, enterprise.id());
        OrderView order = fixtures.submit(agent, OrderFixtures.rebind(enterprise.id(), iccids, "860000000000058"));
        assertThatThrownBy(() -> RunAs.run(OrderFixtures.ops(), () -> orders.reject(order.id(), " ")))
                .isInstanceOf(ValidationException.class);
        OrderView rejected = RunAs.run(OrderFixtures.ops(), () -> orders.reject(order.id(), "No proof of repair"));
        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.rejection().code()).isEqualTo("OPS_REJECTED");
        assertThat(rejected.decision().outcome()).isEqualTo("REJECTED");
        assertThatThrownBy(() -> RunAs.run(OrderFixtures.ops(), () -> orders.approve(order.id(), null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION));
    }

    @Test
    void aRebindOfCardsWithoutMachineCardBindingIsRefused() {
        List<String> iccids = fixtures.enterpriseCards(1, fixtures.dataOnlyPlan(), agentId, enterprise.id());
        assertFieldProblem(
                org.assertj.core.api.Assertions.catchThrowable(
                        () -> fixtures.submit(agent, OrderFixtures.rebind(enterprise.id(), iccids, "860000000000066"))),
                "iccids[0]");
    }

    // --- audit ----------------------------------------------------------------------------------------------------

    @Test
    void theOrdersLifeIsAuditedWithMaskedValuesAndTheTenants() {
        List<String> iccids = fixtures.enterpriseCards(1, fixtures.dataOnlyPlan(), agentId, enterprise.id());
        RunAs.run(agent, () -> cards.activate(iccids.get(0)));
        OrderView order = fixtures.submit(agent, OrderFixtures.of(OrderType.SUSPEND, enterprise.id(), iccids));
        fixtures.attachDocuments(agent, order.id());
        OrderView cancelled = fixtures.submit(agent, OrderFixtures.of(OrderType.CANCEL, enterprise.id(), iccids));
        RunAs.run(agent, () -> orders.cancel(cancelled.id()));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT action FROM audit_entry WHERE target_type = 'ORDER' AND target_id IN (:a, :b) "
                                                + "AND agent_id = :agent AND enterprise_id = :enterprise ORDER BY id")
                                .param("a", String.valueOf(order.id()))
                                .param("b", String.valueOf(cancelled.id()))
                                .param("agent", agentId)
                                .param("enterprise", enterprise.id())
                                .query(String.class)
                                .list())
                        .containsExactlyInAnyOrder(
                                "ORDER_CREATED", "ORDER_COMPLETED", "ORDER_CREATED", "ORDER_CANCELLED"));
        String details = jdbc.sql(
                        "SELECT details::text FROM audit_entry WHERE action = 'ORDER_CREATED' AND target_id = :a")
                .param("a", String.valueOf(order.id()))
                .query(String.class)
                .single();
        assertThat(details).contains("420106********1639").doesNotContain(OrderFixtures.HANDLER_ID_NUMBER);
        assertThat(details).doesNotContain("李四");
    }
}
