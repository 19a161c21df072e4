package com.realsim.card;

import static com.realsim.card.CardFixtures.newAgent;
import static com.realsim.card.CardFixtures.newIdentity;
import static com.realsim.card.CardFixtures.newOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.card.domain.Card;
import com.realsim.card.events.CardReplaced;
import com.realsim.card.events.CardTransferred;
import com.realsim.catalogue.Operator;
import com.realsim.identity.IdDocument;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.testsupport.RunAs;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * What completed business orders do to cards, called as the order module calls them: as the system (no signed-in
 * actor), all or nothing, every refusal naming the card.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
@RecordApplicationEvents
class CardsForOrdersTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CardsForOrders orders;

    @Autowired
    CardService cards;

    @Autowired
    ApplicationEvents events;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate sql;

    CardFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new CardFixtures(context);
        assertThat(CurrentActor.find())
                .as("orders' effects run without a signed-in actor")
                .isEmpty();
    }

    static void refused(ThrowingCallable call, ErrorCode code, String iccid) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.details()).containsEntry("iccid", iccid);
        });
    }

    // --- checks ---------------------------------------------------------------------------------------------------

    @Test
    void aNewCardOrderTakesOnlyInventoryCardsAndNamesTheCardThatIsNot() {
        long agent = newAgent();
        String free = fx.inventoryCard("138", fx.directionalDataPlan());
        String taken = fx.enterpriseCard(agent, agent * 10, "138", fx.directionalDataPlan());

        orders.checkAvailableForNewInstall(List.of(free));
        refused(
                () -> orders.checkAvailableForNewInstall(List.of(free, taken)),
                ErrorCode.ILLEGAL_STATE_TRANSITION,
                taken);
        refused(
                () -> orders.checkAvailableForNewInstall(List.of(free, "89860000000000000018")),
                ErrorCode.NOT_FOUND,
                "89860000000000000018");
        assertThatThrownBy(() -> orders.handOver(List.of("89860000000000000018"), agent, agent * 10, 1L, null))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("card.order.unknown"));
        assertThatThrownBy(() -> orders.checkAvailableForNewInstall(List.of(taken)))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.details()).containsEntry("state", "PENDING_ACTIVATION"));
    }

    @Test
    void ordersOnAnEnterprisesCardsTakeOnlyItsOwnCardsInTheStatesTheOrderAllows() {
        long agent = newAgent();
        long enterprise = agent * 10;
        String pending = fx.enterpriseCard(agent, enterprise, "138", fx.directionalDataPlan());
        String othersCard = fx.enterpriseCard(agent, enterprise + 1, "138", fx.directionalDataPlan());

        orders.checkOwnedBy(List.of(pending), enterprise, EnumSet.of(CardState.PENDING_ACTIVATION));
        refused(
                () -> orders.checkOwnedBy(
                        List.of(pending, othersCard), enterprise, EnumSet.of(CardState.PENDING_ACTIVATION)),
                ErrorCode.NOT_FOUND,
                othersCard);
        assertThatThrownBy(() -> orders.checkOwnedBy(
                        List.of(pending), enterprise, EnumSet.of(CardState.ACTIVE, CardState.SUSPENDED)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION);
                    assertThat(e.details())
                            .containsEntry("iccid", pending)
                            .containsEntry("state", "PENDING_ACTIVATION")
                            .containsEntry("allowed", List.of("ACTIVE", "SUSPENDED"));
                });
    }

    // --- effects --------------------------------------------------------------------------------------------------

    @Test
    void aCompletedNewCardOrderRecordsItsHandlerAsAFactOfTheCardsRealName() {
        long agent = newAgent();
        long enterprise = fx.verifiedEnterprise(agent);
        String iccid = fx.inventoryCard("138", fx.directionalDataPlan());
        assertThat(fx.view(iccid).realName().missing()).contains(RealNameGap.HANDLER_MISSING);

        long order = newOrder();
        orders.handOver(List.of(iccid), agent, enterprise, order, CardFixtures.OPS);

        CardView handed = fx.view(iccid);
        assertThat(handed.handledByOrderId()).isEqualTo(order);
        assertThat(handed.realName().satisfied()).isTrue();
        assertThat(fx.activate(iccid).state()).isEqualTo(CardState.ACTIVE);
    }

    @Test
    void aTransferMovesCardsToTheAgentsOtherEnterpriseEndsTheEndUserAndStopsCardsThatNeedOne() {
        long agent = newAgent();
        long from = fx.verifiedEnterprise(agent);
        long to = fx.verifiedEnterprise(agent);
        IdDocument person = newIdentity();
        String needsEndUser = fx.activeCardWithEndUser(agent, from, fx.nonDirectionalDataPlan(), person);
        String dataOnly = fx.activeDataCard(agent, from);
        assertThat(fx.held(Operator.CHINA_MOBILE, person)).isEqualTo(1);

        long order = newOrder();
        List<CardSummary> moved = orders.transfer(List.of(needsEndUser, dataOnly), to, order);

        assertThat(moved).extracting(CardSummary::enterpriseId).containsOnly(to);
        CardView stopped = fx.view(needsEndUser);
        assertThat(stopped.state()).isEqualTo(CardState.SUSPENDED);
        assertThat(stopped.activeReasons())
                .extracting(BlockingReasonView::reason)
                .containsExactly(BlockingReason.UNVERIFIED);
        assertThat(stopped.endUser()).isNull();
        assertThat(stopped.handledByOrderId()).isEqualTo(order);
        assertThat(stopped.realName().missing()).containsExactly(RealNameGap.END_USER_REQUIRED);
        assertThat(fx.held(Operator.CHINA_MOBILE, person)).isZero();
        assertThat(fx.boundCards(Operator.CHINA_MOBILE, person)).isZero();

        CardView working = fx.view(dataOnly);
        assertThat(working.state()).isEqualTo(CardState.ACTIVE);
        assertThat(working.enterpriseId()).isEqualTo(to);
        assertThat(events.stream(CardTransferred.class).filter(e -> e.orderId() == order))
                .extracting(CardTransferred::fromEnterpriseId)
                .containsOnly(from);

        // the new owner's end user, verified, lets the card work again
        IdDocument newUser = newIdentity();
        fx.verifiedEndUser(agent, needsEndUser, newUser);
        assertThat(fx.view(needsEndUser).state()).isEqualTo(CardState.ACTIVE);
    }

    @Test
    void aTransferIsAllOrNothingAndStaysWithTheAgent() {
        long agent = newAgent();
        long from = fx.verifiedEnterprise(agent);
        long to = fx.verifiedEnterprise(agent);
        long otherAgent = newAgent();
        long otherAgentsEnterprise = fx.verifiedEnterprise(otherAgent);
        String card = fx.activeDataCard(agent, from);
        String cancelled = fx.activeDataCard(agent, from);
        RunAs.run(CardFixtures.OPS, () -> cards.cancel(cancelled, "lost"));

        refused(
                () -> orders.transfer(List.of(card), otherAgentsEnterprise, newOrder()),
                ErrorCode.ILLEGAL_STATE_TRANSITION,
                card);
        refused(
                () -> orders.transfer(List.of(card, cancelled), to, newOrder()),
                ErrorCode.ILLEGAL_STATE_TRANSITION,
                cancelled);
        refused(() -> orders.transfer(List.of(card), from, newOrder()), ErrorCode.ILLEGAL_STATE_TRANSITION, card);
        assertThatThrownBy(() -> orders.transfer(List.of(card), 987_654_321L, newOrder()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(fx.view(card).enterpriseId()).isEqualTo(from);
    }

    @Test
    void aReplacementCardTakesTheOldCardsPlaceEndUserAndReasonsWithoutASecondQuotaSlot() {
        long agent = newAgent();
        long enterprise = fx.verifiedEnterprise(agent);
        IdDocument person = newIdentity();
        String old = fx.activeCardWithEndUser(agent, enterprise, fx.nonDirectionalDataPlan(), person);
        String usedOn = LocalDate.now(context.getBean(Clock.class).withZone(Card.BUSINESS_ZONE))
                .minusDays(3)
                .toString();
        assertThat(RunAs.run(
                                CardFixtures.OPS,
                                () -> context.getBean(CardUsageService.class)
                                        .ingest(List.of(
                                                new CardUsageService.Report(old, usedOn, 10L, 0L, 0L, null, 0L))))
                        .accepted())
                .isEqualTo(1);
        RunAs.run(CardFixtures.OPS, () -> cards.suspend(old, "meter tampered with"));
        String fresh = fx.inventoryCard("138", fx.nonDirectionalDataPlan());
        long order = newOrder();

        CardSummary replaced = orders.replace(old, fresh, order);

        assertThat(replaced.iccid()).isEqualTo(fresh);
        CardView card = fx.view(fresh);
        assertThat(card.state()).isEqualTo(CardState.SUSPENDED);
        assertThat(card.agentId()).isEqualTo(agent);
        assertThat(card.enterpriseId()).isEqualTo(enterprise);
        assertThat(card.activeReasons())
                .extracting(BlockingReasonView::reason)
                .containsExactly(BlockingReason.OPS_ACTION);
        assertThat(card.endUser().status()).isEqualTo(EndUserStatus.VERIFIED);
        assertThat(card.endUser().idNumber()).isEqualTo(person.masked());
        assertThat(card.realName().satisfied()).isTrue();
        assertThat(card.activatedAt()).isNotNull();
        // the old card's last sign of life (its usage summary's last day), so that the cancellation cycle waits as long
        assertThat(card.lastUsageAt()).isNotNull().isEqualTo(fx.view(old).lastUsageAt());
        assertThat(fx.view(old).state()).isEqualTo(CardState.CANCELLED);
        assertThat(fx.held(Operator.CHINA_MOBILE, person)).isEqualTo(1);
        assertThat(fx.boundCards(Operator.CHINA_MOBILE, person)).isEqualTo(1);
        assertThat(events.stream(CardReplaced.class).filter(e -> e.orderId() == order))
                .singleElement()
                .satisfies(e -> assertThat(e.oldIccid()).isEqualTo(old));

        RunAs.run(CardFixtures.OPS, () -> cards.resume(fresh, "meter checked"));
        assertThat(fx.view(fresh).state()).isEqualTo(CardState.ACTIVE);
        RunAs.run(CardFixtures.OPS, () -> cards.cancel(fresh, "contract ended"));
        assertThat(fx.held(Operator.CHINA_MOBILE, person)).isZero();
    }

    @Test
    void aReplacementNeedsAnInventoryCardOfTheSameOperator() {
        long agent = newAgent();
        String old = fx.enterpriseCard(agent, agent * 10, "138", fx.directionalDataPlan());
        String unicom = fx.inventoryCard("130", fx.directionalDataPlan(), Operator.CHINA_UNICOM);
        String notInInventory = fx.enterpriseCard(agent, agent * 10, "138", fx.directionalDataPlan());

        refused(() -> orders.replace(old, unicom, newOrder()), ErrorCode.ILLEGAL_STATE_TRANSITION, unicom);
        refused(
                () -> orders.replace(old, notInInventory, newOrder()),
                ErrorCode.ILLEGAL_STATE_TRANSITION,
                notInInventory);
        refused(
                () -> orders.replace(old, "89860000000000000018", newOrder()),
                ErrorCode.NOT_FOUND,
                "89860000000000000018");
        assertThat(fx.view(old).state()).isEqualTo(CardState.PENDING_ACTIVATION);
        assertThat(fx.view(unicom).state()).isEqualTo(CardState.INVENTORY);
    }

    @Test
    void aRealNameSupplementRecordsItsHandlerAndLetsCardsWhoseRealNameIsCompleteWorkAgain() {
        long agent = newAgent();
        long enterprise = fx.verifiedEnterprise(agent);
        // transferred to an enterprise still in registration: stopped with UNVERIFIED, which its approval alone does
        // not clear (nothing re-judges the card then); the supplement order does
        long draft = fx.draftEnterprise(agent);
        String complete = fx.activeDataCard(agent, enterprise);
        orders.transfer(List.of(complete), draft, newOrder());
        assertThat(fx.view(complete).activeReasons())
                .extracting(BlockingReasonView::reason)
                .containsExactly(BlockingReason.UNVERIFIED);
        fx.verify(agent, draft);
        // a new end user not yet verified stops a card whose plan needs one
        String lacksEndUser = fx.activeCardWithEndUser(agent, enterprise, fx.nonDirectionalDataPlan(), newIdentity());
        fx.bind(agent, lacksEndUser, newIdentity());
        assertThat(fx.view(lacksEndUser).state()).isEqualTo(CardState.SUSPENDED);

        long order = newOrder();
        orders.realNameSupplemented(List.of(complete, lacksEndUser), order);

        assertThat(fx.view(complete).state()).isEqualTo(CardState.ACTIVE);
        assertThat(fx.view(complete).handledByOrderId()).isEqualTo(order);
        assertThat(fx.view(lacksEndUser).state()).isEqualTo(CardState.SUSPENDED);
        assertThat(fx.view(lacksEndUser).activeReasons())
                .extracting(BlockingReasonView::reason)
                .containsExactly(BlockingReason.UNVERIFIED);
        assertThat(fx.view(lacksEndUser).handledByOrderId()).isEqualTo(order);
    }

    @Test
    void customersOrdersSuspendResumeAndCancelAsTheSystemWithTheCustomersReason() {
        long agent = newAgent();
        long enterprise = fx.verifiedEnterprise(agent);
        String iccid = fx.activeDataCard(agent, enterprise);
        IdDocument person = newIdentity();
        fx.bind(agent, iccid, person);
        assertThat(fx.held(Operator.CHINA_MOBILE, person)).isEqualTo(1);
        long order = newOrder();

        assertThat(orders.customerSuspend(iccid, "plant closed for winter", order))
                .isTrue();
        assertThat(orders.customerSuspend(iccid, "again", order)).isFalse();
        CardView suspended = fx.view(iccid);
        assertThat(suspended.state()).isEqualTo(CardState.SUSPENDED);
        assertThat(suspended.activeReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.reason()).isEqualTo(BlockingReason.CUSTOMER_REQUEST);
            assertThat(reason.note()).isEqualTo("plant closed for winter (order " + order + ")");
            assertThat(reason.addedBy()).isEqualTo("system");
        });

        RunAs.run(CardFixtures.OPS, () -> cards.suspend(iccid, "meter tampered with"));
        assertThat(orders.customerResume(iccid, "plant open", order)).containsExactly(BlockingReason.OPS_ACTION);
        assertThat(fx.view(iccid).activeReasons())
                .extracting(BlockingReasonView::reason)
                .containsExactly(BlockingReason.OPS_ACTION);

        orders.customerCancel(iccid, "contract ended", order);
        assertThat(fx.view(iccid).state()).isEqualTo(CardState.CANCELLED);
        assertThat(fx.held(Operator.CHINA_MOBILE, person)).isZero();
        refused(() -> orders.customerCancel(iccid, "twice", order), ErrorCode.ILLEGAL_STATE_TRANSITION, iccid);
        refused(() -> orders.customerSuspend(iccid, "late", order), ErrorCode.ILLEGAL_STATE_TRANSITION, iccid);
    }

    @Test
    void bindingsTransfersAndReplacementsAreOnTheAuditTrailWithMaskedValuesOnly() {
        long agent = newAgent();
        long from = fx.verifiedEnterprise(agent);
        long to = fx.verifiedEnterprise(agent);
        IdDocument person = newIdentity();
        String transferred = fx.activeDataCard(agent, from);
        fx.bind(agent, transferred, person);
        orders.transfer(List.of(transferred), to, newOrder());
        String old = fx.activeDataCard(agent, to);
        String fresh = fx.inventoryCard("138", fx.directionalDataPlan());
        orders.replace(old, fresh, newOrder());

        record Expected(String iccid, String action) {}
        for (Expected expected : List.of(
                new Expected(transferred, "CARD_END_USER_BOUND"),
                new Expected(transferred, "CARD_TRANSFERRED"),
                new Expected(fresh, "CARD_REPLACED"),
                new Expected(old, "CARD_CANCELLED"))) {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(15))
                    .until(() -> sql.queryForObject(
                                    "SELECT count(*) FROM audit_entry WHERE target_type = 'CARD' AND target_id = ?"
                                            + " AND action = ?",
                                    Long.class,
                                    expected.iccid(),
                                    expected.action())
                            == 1);
        }
        assertThat(sql.queryForObject(
                        "SELECT details::text FROM audit_entry WHERE target_id = ? AND action = 'CARD_END_USER_BOUND'",
                        String.class,
                        transferred))
                .contains(person.masked())
                .doesNotContain(person.number())
                .contains("王*明");
        assertThat(sql.queryForObject(
                        "SELECT enterprise_id FROM audit_entry WHERE target_id = ? AND action = 'CARD_TRANSFERRED'",
                        Long.class,
                        transferred))
                .isEqualTo(to);
    }
}
