package com.realsim.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.card.events.CardActivated;
import com.realsim.card.events.CardCancelled;
import com.realsim.card.events.CardsHandedOver;
import com.realsim.card.events.CardsImported;
import com.realsim.catalogue.Operator;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The use cases other modules will call, against the database, with the events they publish. */
@SpringBootTest
@RecordApplicationEvents
class CardServiceTest {

    @Autowired
    CardService cards;

    @Autowired
    CardControl control;

    @Autowired
    CardsForOrders orders;

    @Autowired
    ApplicationEvents events;

    @Autowired
    ApplicationContext context;

    CardFixtures fx;

    @BeforeEach
    void inventory() {
        fx = new CardFixtures(context);
    }

    @Test
    void anOrderHandsInventoryCardsToAnEnterpriseAllOrNothingATestPackageToItsTestPeriod() {
        List<String> iccids = fx.inventoryCards(3, "149", fx.testPackagePlan());
        String regular = fx.inventoryCard("149", fx.directionalDataPlan());
        String alreadyHandedOver = fx.enterpriseCard(7L, 70L);

        assertThatThrownBy(() -> orders.handOver(
                        List.of(iccids.get(0), alreadyHandedOver, iccids.get(1)), 9L, 90L, 1L, CardFixtures.OPS))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION));
        assertThat(control.card(iccids.get(0)).orElseThrow().state()).isEqualTo(CardState.INVENTORY);

        List<CardSummary> handed = orders.handOver(iccids, 9L, 90L, 1L, CardFixtures.OPS);
        assertThat(handed).allSatisfy(card -> {
            assertThat(card.state()).isEqualTo(CardState.TEST);
            assertThat(card.agentId()).isEqualTo(9L);
            assertThat(card.enterpriseId()).isEqualTo(90L);
        });
        assertThat(orders.handOver(List.of(regular), 9L, 90L, 1L, CardFixtures.OPS))
                .extracting(CardSummary::state)
                .containsExactly(CardState.PENDING_ACTIVATION);
        // (the refused attempt published one for its first card too, but its transaction rolled back: transactional
        // listeners never see it)
        assertThat(events.stream(CardsHandedOver.class)
                        .flatMap(e -> e.cards().stream())
                        .filter(card -> iccids.contains(card.iccid()) && card.state() == CardState.TEST)
                        .map(CardsHandedOver.Handed::iccid)
                        .distinct())
                .containsExactlyInAnyOrderElementsOf(iccids);
        assertThatThrownBy(() -> orders.handOver(List.of("89860000000000000000"), 9L, 90L, 1L, CardFixtures.OPS))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void activationJudgesTheFactsAgainstThePolicyOfTheCardsPlanAndNumber() {
        CardFixtures fx = new CardFixtures(context);
        long agentId = CardFixtures.newAgent();
        long enterpriseId = fx.verifiedEnterprise(agentId);
        String iccid = fx.enterpriseCard(agentId, enterpriseId, "149", fx.nonDirectionalVoicePlan());
        Actor agent = CardFixtures.agent(agentId);

        assertThatThrownBy(() -> RunAs.run(agent, () -> cards.activate(iccid)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REAL_NAME_INCOMPLETE);
                    assertThat(e.details()).containsEntry("missing", List.of("END_USER_REQUIRED"));
                });
        fx.verifiedEndUser(agentId, iccid, CardFixtures.newIdentity());
        CardView active = RunAs.run(agent, () -> cards.activate(iccid));
        assertThat(active.state()).isEqualTo(CardState.ACTIVE);
        assertThat(active.realName().requirement().code()).isEqualTo("SEGMENT_149_NON_DIRECTIONAL_VOICE_SMS");
        assertThat(events.stream(CardActivated.class).filter(e -> e.iccid().equals(iccid)))
                .singleElement()
                .satisfies(e -> assertThat(e.auditFacts().details())
                        .containsEntry("requirement", "SEGMENT_149_NON_DIRECTIONAL_VOICE_SMS"));
    }

    @Test
    void cancellingPublishesTheEventThatWillFreeTheQuotaSlotAndEndsEverything() {
        CardFixtures fx = new CardFixtures(context);
        long agentId = CardFixtures.newAgent();
        long enterpriseId = fx.verifiedEnterprise(agentId);
        String iccid = fx.activeDataCard(agentId, enterpriseId);
        Actor enterprise = CardFixtures.enterpriseAdmin(enterpriseId);
        CardView cancelled = RunAs.run(enterprise, () -> cards.cancel(iccid, "contract ended"));
        assertThat(cancelled.state()).isEqualTo(CardState.CANCELLED);
        assertThat(events.stream(CardCancelled.class).filter(e -> e.iccid().equals(iccid)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.operator()).isEqualTo(Operator.CHINA_MOBILE);
                    assertThat(e.by().role()).isEqualTo(Role.ENTERPRISE_ADMIN);
                });
        assertThatThrownBy(() -> RunAs.run(CardFixtures.OPS, () -> cards.suspend(iccid, "too late")))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION));
    }

    @Test
    void importsPublishAnAuditedEvent() {
        fx.inventoryCards(2, "149", fx.directionalDataPlan());
        assertThat(events.stream(CardsImported.class)).anySatisfy(e -> {
            assertThat(e.imported()).isEqualTo(2);
            assertThat(e.auditFacts().action()).isEqualTo("CARDS_IMPORTED");
            assertThat(e.auditFacts().actor()).isEqualTo(CardFixtures.OPS.name());
        });
    }

    @Test
    void cardsByStateCountOnlyTheActorsOwnCards() {
        CardFixtures fx = new CardFixtures(context);
        long agentId = CardFixtures.newAgent();
        long active = fx.verifiedEnterprise(agentId);
        fx.enterpriseCard(agentId, active + 1_000_000);
        fx.activeDataCard(agentId, active);
        fx.enterpriseCard(CardFixtures.newAgent(), active + 2_000_000);
        Actor agent = ActorAuthentication.actor(Role.AGENT, agentId, null);
        Actor enterprise = ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, active);

        assertThat(RunAs.run(agent, () -> cards.countByState()))
                .containsEntry(CardState.PENDING_ACTIVATION, 1L)
                .containsEntry(CardState.ACTIVE, 1L)
                .containsEntry(CardState.INVENTORY, 0L);
        assertThat(RunAs.run(enterprise, () -> cards.count(CardState.ACTIVE))).isEqualTo(1);
        assertThat(RunAs.run(enterprise, () -> cards.count(CardState.PENDING_ACTIVATION)))
                .isZero();
    }
}
