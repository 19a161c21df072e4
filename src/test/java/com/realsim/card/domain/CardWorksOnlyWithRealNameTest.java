package com.realsim.card.domain;

import static com.realsim.card.CardFixtures.newAgent;
import static com.realsim.card.CardFixtures.newIdentity;
import static com.realsim.card.CardFixtures.newOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.realsim.card.BlockingReason;
import com.realsim.card.BlockingReasonView;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardState;
import com.realsim.card.CardTestConfiguration;
import com.realsim.card.CardUsageService;
import com.realsim.card.CardView;
import com.realsim.card.Imei;
import com.realsim.card.events.CardActivated;
import com.realsim.card.events.CardTestPeriodEnded;
import com.realsim.catalogue.ExceptionKind;
import com.realsim.catalogue.RealNamePolicy;
import com.realsim.catalogue.RealNameRuleDefinition;
import com.realsim.platform.Actor;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A card works only while its real-name requirement is met, whichever path moves it into ACTIVE: activation (also of
 * a card in its test period, which it ends), a person's resume, a customer's resume order, the bound device seen
 * again, an approved rebind, and usage that takes a pre-cancelled card back. Each path is taken as the application
 * takes it (API, order effects, usage feed) on a card whose real-name has become incomplete without anything
 * re-judging it: an ADMIN tightened the real-name rules for its number range, so its end user is required now.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
@RecordApplicationEvents
class CardWorksOnlyWithRealNameTest {

    /** Priorities below the seeded DIRECTIONAL_DATA_ONLY rule (50), unused by the seed and other tests. */
    private static final AtomicInteger priorities = new AtomicInteger(40);

    /** 13-digit IoT number ranges of this class's cards, one per test, so that a tightened rule meets only them. */
    private static final AtomicInteger ranges = new AtomicInteger(14_650);

    static final Imei BOUND = new Imei("356938035643809");
    static final Imei OTHER = new Imei("490154203237518");

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    RealNamePolicy policy;

    @Autowired
    CardUsageService usage;

    @Autowired
    CancellationCycle cycle;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    CardFixtures fx;
    long agentId;
    long enterpriseId;
    Actor agent;
    String range;

    @BeforeEach
    void fixtures() {
        fx = new CardFixtures(context);
        agentId = newAgent();
        enterpriseId = fx.verifiedEnterprise(agentId);
        agent = CardFixtures.agent(agentId);
        range = Integer.toString(ranges.incrementAndGet());
    }

    /** ADMIN tightens the rules: the end user is required now for this test's number range. */
    void endUserRequiredFromNowOn() {
        policy.create(
                new RealNameRuleDefinition(
                        priorities.incrementAndGet(),
                        "END_USER_FOR_" + range,
                        range,
                        null,
                        null,
                        null,
                        true,
                        ExceptionKind.PROVINCIAL_APPROVAL),
                CardFixtures.ADMIN);
    }

    String activeCard(String plan) {
        String iccid = fx.enterpriseCard(agentId, enterpriseId, range, plan);
        fx.activate(iccid);
        return iccid;
    }

    void assertStoppedUntilItsRealNameIsComplete(String iccid) {
        CardView card = fx.view(iccid);
        assertThat(card.state()).isEqualTo(CardState.SUSPENDED);
        assertThat(card.activeReasons())
                .extracting(BlockingReasonView::reason)
                .containsExactly(BlockingReason.UNVERIFIED);
        assertThat(card.realName().missingCodes()).containsExactly("END_USER_REQUIRED");
    }

    void report(String iccid, Imei imei) {
        LocalDate today = LocalDate.now(clock.withZone(Card.BUSINESS_ZONE));
        CardUsageService.Outcome outcome = RunAs.run(
                CardFixtures.OPS,
                () -> usage.ingest(List.of(new CardUsageService.Report(
                        iccid, today.toString(), 10L, 0L, 0L, imei == null ? null : imei.value(), null))));
        assertThat(outcome.rejected()).isEmpty();
    }

    @Test
    void aCardInItsTestPeriodIsActivatedOnItsRealNameWhichEndsTheTestPeriod() {
        String plan = fx.testPackagePlan();
        String ready = fx.inventoryCard(range, plan);
        fx.cardOrders.handOver(List.of(ready), agentId, enterpriseId, newOrder(), CardFixtures.OPS);
        long draft = fx.draftEnterprise(agentId);
        String notReady = fx.inventoryCard(range, plan);
        fx.cardOrders.handOver(List.of(notReady), agentId, draft, newOrder(), CardFixtures.OPS);
        assertThat(fx.view(ready).state()).isEqualTo(CardState.TEST);

        var refused = assertThat(mvc.post()
                        .uri("/api/v1/cards/{iccid}/activate", notReady)
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson();
        refused.extractingPath("$.code").isEqualTo("REAL_NAME_INCOMPLETE");
        refused.extractingPath("$.missing").asArray().contains("ENTERPRISE_NOT_VERIFIED");
        assertThat(fx.view(notReady).state()).isEqualTo(CardState.TEST);

        assertThat(mvc.post().uri("/api/v1/cards/{iccid}/activate", ready).with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("ACTIVE");
        assertThat(fx.view(ready).activatedAt()).isNotNull();
        assertThat(events.stream(CardTestPeriodEnded.class)
                        .filter(e -> e.iccid().equals(ready)))
                .hasSize(1);
        assertThat(events.stream(CardActivated.class).filter(e -> e.iccid().equals(ready)))
                .singleElement()
                .satisfies(e -> assertThat(e.auditFacts().details()).containsEntry("requirement", "TEST_PACKAGE"));
        assertThat(events.stream(CardTestPeriodEnded.class)
                        .filter(e -> e.iccid().equals(notReady)))
                .isEmpty();
    }

    @Test
    void theCardPageOffersActivationOfACardInItsTestPeriod() {
        String iccid = fx.inventoryCard(range, fx.testPackagePlan());
        fx.cardOrders.handOver(List.of(iccid), agentId, enterpriseId, newOrder(), CardFixtures.OPS);
        long id = fx.view(iccid).id();

        assertThat(mvc.get()
                        .uri("/cards/{id}", id)
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"activate-form\"");
        assertThat(mvc.post().uri("/cards/{id}/activate", id).with(csrf()).with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashSuccess", "card.activated");
        assertThat(fx.view(iccid).state()).isEqualTo(CardState.ACTIVE);
    }

    @Test
    void aPersonsResumeLeavesTheCardStoppedWithUnverifiedUntilItsEndUserIsVerified() {
        String iccid = activeCard(fx.directionalDataPlan());
        RunAs.run(CardFixtures.OPS, () -> fx.cards.suspend(iccid, "meter tampered with"));
        endUserRequiredFromNowOn();

        var blocked = assertThat(mvc.post()
                        .uri("/api/v1/cards/{iccid}/resume", iccid)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"meter checked\"}")
                        .with(ActorAuthentication.as(CardFixtures.OPS)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson();
        blocked.extractingPath("$.code").isEqualTo("BLOCKED");
        blocked.extractingPath("$.reasons").asArray().containsExactly("UNVERIFIED");
        assertStoppedUntilItsRealNameIsComplete(iccid);
        assertThat(fx.view(iccid).clearedReasons())
                .extracting(BlockingReasonView::reason)
                .contains(BlockingReason.OPS_ACTION);

        fx.verifiedEndUser(agentId, iccid, newIdentity());

        CardView working = fx.view(iccid);
        assertThat(working.state()).isEqualTo(CardState.ACTIVE);
        assertThat(working.activeReasons()).isEmpty();
    }

    @Test
    void aCustomersResumeOrderLeavesTheCardStoppedWithUnverified() {
        String iccid = activeCard(fx.directionalDataPlan());
        long order = newOrder();
        fx.cardOrders.customerSuspend(iccid, "plant closed", order);
        endUserRequiredFromNowOn();

        assertThat(fx.cardOrders.customerResume(iccid, "plant open", order)).containsExactly(BlockingReason.UNVERIFIED);
        assertStoppedUntilItsRealNameIsComplete(iccid);
    }

    @Test
    void theBoundDeviceSeenAgainDoesNotLetACardWithoutItsRealNameWork() {
        String iccid = activeCard(fx.devicePlan());
        report(iccid, BOUND);
        report(iccid, OTHER);
        assertThat(fx.view(iccid).activeReasons())
                .extracting(BlockingReasonView::reason)
                .containsExactly(BlockingReason.MACHINE_CARD_SEPARATION);
        endUserRequiredFromNowOn();

        report(iccid, BOUND);

        assertStoppedUntilItsRealNameIsComplete(iccid);
    }

    @Test
    void anApprovedRebindDoesNotLetACardWithoutItsRealNameWork() {
        String iccid = activeCard(fx.devicePlan());
        report(iccid, BOUND);
        report(iccid, OTHER);
        endUserRequiredFromNowOn();

        fx.cardOrders.rebind(iccid, OTHER, CardFixtures.OPS);

        assertThat(fx.view(iccid).boundImeiMasked()).isEqualTo(Imei.mask(OTHER.value()));
        assertStoppedUntilItsRealNameIsComplete(iccid);
    }

    @Test
    void usageTakesAPreCancelledCardBackStoppedWhenItsRealNameIsIncomplete() {
        String iccid = activeCard(fx.directionalDataPlan());
        clock.advance(Duration.ofDays(63));
        cycle.run();
        assertThat(fx.view(iccid).state()).isEqualTo(CardState.PRE_CANCELLED);
        endUserRequiredFromNowOn();

        report(iccid, null);

        assertStoppedUntilItsRealNameIsComplete(iccid);
        assertThat(fx.view(iccid).preCancelledAt()).isNull();
    }
}
