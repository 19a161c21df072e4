package com.realsim.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.realsim.card.CardImportService;
import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.card.ServicePlanService;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.platform.Actor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.VerificationService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Orders against the database: what they refuse at submission, and how each type completes. */
@SpringBootTest
class OrderServiceTest {

    @Autowired
    CardImportService imports;

    @Autowired
    ServicePlanService plans;

    @Autowired
    EnterpriseService enterprises;

    @Autowired
    OrderService orders;

    @Autowired
    CardService cards;

    @Autowired
    VerificationService verifications;

    OrderFixtures fixtures;
    long agentId;
    Actor agent;
    EnterpriseView enterprise;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(imports, plans, enterprises, orders);
        agentId = OrderFixtures.newAgentId();
        agent = OrderFixtures.agent(agentId);
        enterprise = fixtures.verifiedEnterprise(agentId);
    }

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

        fixtures.attachDocuments(agent, order.id());
        OrderView photographed = fixtures.attachHandlerPhoto(agent, order.id());
        assertThat(photographed.pending()).containsExactly("VERIFICATION");
        assertThat(photographed.verificationCaseId()).isNotNull();
        assertThat(photographed.verificationStatus()).isEqualTo("PENDING_REVIEW");
        assertThat(cards.card(iccids.get(0)).orElseThrow().state()).isEqualTo(CardState.INVENTORY);

        RunAs.run(OrderFixtures.ops(), () -> verifications.approve(photographed.verificationCaseId(), "Same person"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> RunAs.run(agent, () -> orders.get(order.id())).status() == OrderStatus.COMPLETED);
        assertThat(iccids).allSatisfy(iccid -> {
            var card = cards.card(iccid).orElseThrow();
            assertThat(card.state()).isEqualTo(CardState.PENDING_ACTIVATION);
            assertThat(card.enterpriseId()).isEqualTo(enterprise.id());
            assertThat(card.agentId()).isEqualTo(agentId);
        });
    }

    @Test
    void aRejectedComparisonRejectsTheOrderWithTheReviewersReasonAndFreesTheCards() {
        List<String> iccids = fixtures.inventory(1, fixtures.dataOnlyPlan());
        OrderView order = fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids));
        fixtures.attachDocuments(agent, order.id());
        OrderView photographed = fixtures.attachHandlerPhoto(agent, order.id());

        RunAs.run(OrderFixtures.ops(), () -> verifications.reject(photographed.verificationCaseId(), "Not the same"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> RunAs.run(agent, () -> orders.get(order.id())).status() == OrderStatus.REJECTED);
        OrderView rejected = RunAs.run(agent, () -> orders.get(order.id()));
        assertThat(rejected.rejection().code()).isEqualTo("VERIFICATION_REJECTED");
        assertThat(rejected.rejection().arguments()).containsExactly("Not the same");
        assertThat(cards.card(iccids.get(0)).orElseThrow().state()).isEqualTo(CardState.INVENTORY);
        // the card is free for another order
        assertThat(fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids))
                        .status())
                .isEqualTo(OrderStatus.AWAITING_VERIFICATION);
    }

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
                        LocalDate.now().minusDays(2)),
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
        List<String> iccids = new java.util.ArrayList<>(fixtures.inventory(2, fixtures.dataOnlyPlan()));
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
    void aCardInAnotherOpenOrderIsRefusedUntilThatOrderIsCancelled() {
        List<String> iccids = fixtures.inventory(2, fixtures.dataOnlyPlan());
        OrderView first = fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids.subList(0, 1)));
        assertThatThrownBy(() -> fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CARD_IN_OPEN_ORDER);
                    assertThat(e.details().get("iccids")).isEqualTo(List.of(iccids.get(0)));
                });
        RunAs.run(agent, () -> orders.cancel(first.id()));
        assertThat(fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids))
                        .cardCount())
                .isEqualTo(2);
    }
}
