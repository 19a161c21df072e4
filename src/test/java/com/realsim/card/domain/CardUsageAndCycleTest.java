package com.realsim.card.domain;

import static com.realsim.card.CardFixtures.agent;
import static com.realsim.card.CardFixtures.enterpriseAdmin;
import static com.realsim.card.CardFixtures.newAgent;
import static com.realsim.card.CardFixtures.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.realsim.card.BlockingReason;
import com.realsim.card.BlockingReasonView;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.card.CardTestConfiguration;
import com.realsim.card.CardUsageService;
import com.realsim.card.CardView;
import com.realsim.catalogue.Operator;
import com.realsim.identity.IdDocument;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Usage from the operator's feed (a bad report is rejected, not the batch; a day reported again is replaced; the
 * machine-card binding) and the automatic cancellation cycle moved along by the test clock.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
class CardUsageAndCycleTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CardUsageService usage;

    @Autowired
    CancellationCycle cycle;

    @Autowired
    CardService cards;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate sql;

    @Autowired
    PlatformTransactionManager transactions;

    CardFixtures fx;
    long agentId;
    long enterpriseId;

    @BeforeEach
    void fixtures() {
        fx = new CardFixtures(context);
        agentId = newAgent();
        enterpriseId = fx.verifiedEnterprise(agentId);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Card.BUSINESS_ZONE));
    }

    void used(String iccid, String imei) {
        CardUsageService.Outcome outcome = RunAs.run(
                CardFixtures.OPS,
                () -> usage.ingest(
                        List.of(new CardUsageService.Report(iccid, today().toString(), 2048L, 1L, 30L, imei, null))));
        assertThat(outcome.rejected()).isEmpty();
    }

    static String row(String iccid, String date, long dataKb, String imei) {
        return """
                {"iccid": "%s", "date": "%s", "dataKb": %d, "smsCount": 3, "voiceSeconds": 60%s}""".formatted(iccid, date, dataKb, imei == null ? "" : ", \"imei\": \"" + imei + "\"");
    }

    // --- usage ----------------------------------------------------------------------------------------------------

    @Test
    void eachReportIsTakenOrRejectedOnItsOwnAndADayReportedAgainIsReplaced() {
        String card = fx.activeDataCard(agentId, enterpriseId);
        String luhnBroken = card.substring(0, 19) + (char) ('0' + (card.charAt(19) - '0' + 1) % 10);
        String unknown = CardFixtures.iccid();
        String inInventory = fx.inventoryCard("138", fx.directionalDataPlan());
        String day = today().toString();
        String body = "["
                + String.join(
                        ",",
                        row(card, day, 100, null),
                        row(luhnBroken, day, 1, null),
                        row(unknown, day, 1, null),
                        row(card, day, -1, null),
                        row(inInventory, day, 1, null),
                        row(card, day, 1, "12345"),
                        row(card, today().plusDays(2).toString(), 1, null),
                        row(card, "2026-02-30", 1, null),
                        row(card, day, 4096, null))
                + "]";

        var answer = assertThat(mvc.post()
                        .uri("/api/v1/usage")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(CardFixtures.OPS)))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson();
        answer.extractingPath("$.accepted").isEqualTo(2);
        answer.extractingPath("$.rejected[*].index").asArray().containsExactly(1, 2, 3, 4, 5, 6, 7);
        answer.extractingPath("$.rejected[*].code")
                .asArray()
                .containsExactly(
                        "INVALID_ICCID",
                        "NOT_FOUND",
                        "VALIDATION_FAILED",
                        "ILLEGAL_STATE_TRANSITION",
                        "VALIDATION_FAILED",
                        "VALIDATION_FAILED",
                        "VALIDATION_FAILED");
        answer.extractingPath("$.rejected[*].field")
                .asArray()
                .containsExactly("iccid", "iccid", "dataKb", "iccid", "imei", "date", "date");
        answer.extractingPath("$.rejected[0].message").isNotNull();

        assertThat(sql.queryForList(
                        "SELECT u.data_kb FROM card_usage u JOIN card c ON c.id = u.card_id WHERE c.iccid = ?",
                        Long.class,
                        card))
                .containsExactly(4096L);
        CardView view = fx.view(card);
        assertThat(view.lastUsageAt())
                .isEqualTo(today().atStartOfDay(Card.BUSINESS_ZONE).toInstant());
        assertThat(sql.queryForObject(
                        "SELECT count(*) FROM card_usage u JOIN card c ON c.id = u.card_id WHERE c.iccid = ?",
                        Long.class,
                        inInventory))
                .isZero();
        assertThat(mvc.get().uri("/api/v1/cards/{iccid}", card).with(ActorAuthentication.as(agent(agentId))))
                .bodyJson()
                .extractingPath("$.lastUsageAt")
                .isNotNull();
        for (String language : List.of("en", "zh-CN")) {
            assertThat(mvc.get()
                            .uri("/cards/{id}", view.id())
                            .header("Accept-Language", language)
                            .with(ActorAuthentication.as(enterpriseAdmin(enterpriseId))))
                    .bodyText()
                    .contains("id=\"usage\"")
                    .contains(language.equals("en") ? "Recent usage" : "近期用量")
                    .contains("4,096");
        }
    }

    @Test
    void onlyOpsReportUsage() {
        for (Actor refused : List.of(
                agent(agentId), enterpriseAdmin(enterpriseId), ActorAuthentication.actor(Role.ADMIN, null, null))) {
            assertThat(mvc.post()
                            .uri("/api/v1/usage")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("[]")
                            .with(ActorAuthentication.as(refused)))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.post()
                        .uri("/api/v1/usage")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[]")
                        .with(ActorAuthentication.as(CardFixtures.OPS)))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson()
                .extractingPath("$.accepted")
                .isEqualTo(0);
    }

    @Test
    void usageFromAnotherDeviceStopsABoundCardAndTheBoundDeviceReturningLetsItWork() {
        String iccid = fx.enterpriseCard(agentId, enterpriseId, "138", fx.devicePlan());
        fx.activate(iccid);
        String device = "356938035643809";
        String other = "356938035643817";

        used(iccid, device);
        assertThat(fx.view(iccid).boundImeiMasked()).isEqualTo("35693803****809");
        used(iccid, other);
        CardView separated = fx.view(iccid);
        assertThat(separated.state()).isEqualTo(CardState.SUSPENDED);
        assertThat(separated.activeReasons())
                .extracting(BlockingReasonView::reason)
                .containsExactly(BlockingReason.MACHINE_CARD_SEPARATION);
        used(iccid, device);
        assertThat(fx.view(iccid).state()).isEqualTo(CardState.ACTIVE);

        String unbound = fx.activeDataCard(agentId, enterpriseId);
        used(unbound, device);
        used(unbound, other);
        assertThat(fx.view(unbound).state()).isEqualTo(CardState.ACTIVE);
        assertThat(fx.view(unbound).boundImeiMasked()).isNull();
    }

    // --- the cancellation cycle -----------------------------------------------------------------------------------

    @Test
    void unusedCardsArePreCancelledThenCancelledFreeingTheirSlotAndUsageBringsThemBack() {
        String neverUsed = fx.activeDataCard(agentId, enterpriseId);
        String inUse = fx.activeDataCard(agentId, enterpriseId);
        String withEndUser = fx.activeDataCard(agentId, enterpriseId);
        String suspended = fx.activeDataCard(agentId, enterpriseId);
        String pending = fx.enterpriseCard(agentId, enterpriseId, "138", fx.directionalDataPlan());
        IdDocument person = newIdentity();
        fx.bind(agentId, withEndUser, person);
        RunAs.run(CardFixtures.OPS, () -> cards.suspend(suspended, "meter tampered with"));
        used(inUse, null);

        cycle.run();
        assertThat(List.of(neverUsed, inUse, withEndUser))
                .allSatisfy(iccid -> assertThat(fx.view(iccid).state()).isEqualTo(CardState.ACTIVE));

        clock.advance(Duration.ofDays(63));
        used(inUse, null);
        CancellationCycle.Outcome first = cycle.run();

        assertThat(first.complete()).isTrue();
        assertThat(first.preCancelled()).isGreaterThanOrEqualTo(3);
        for (String iccid : List.of(neverUsed, withEndUser, suspended)) {
            CardView card = fx.view(iccid);
            assertThat(card.state()).as(iccid).isEqualTo(CardState.PRE_CANCELLED);
            assertThat(card.preCancelledAt()).isCloseTo(clock.instant(), within(1, ChronoUnit.MILLIS));
        }
        assertThat(fx.view(inUse).state()).isEqualTo(CardState.ACTIVE);
        assertThat(fx.view(pending).state())
                .as("a card never activated is not in the cycle")
                .isEqualTo(CardState.PENDING_ACTIVATION);
        assertThat(fx.held(Operator.CHINA_MOBILE, person))
                .as("pre-cancelled cards keep their slot")
                .isEqualTo(1);

        used(neverUsed, null);
        used(suspended, null);
        assertThat(fx.view(neverUsed).state()).isEqualTo(CardState.ACTIVE);
        assertThat(fx.view(neverUsed).preCancelledAt()).isNull();
        assertThat(fx.view(suspended).state()).as("its reason still blocks it").isEqualTo(CardState.SUSPENDED);

        clock.advance(Duration.ofDays(29));
        cycle.run();
        assertThat(fx.view(withEndUser).state()).isEqualTo(CardState.PRE_CANCELLED);

        clock.advance(Duration.ofDays(2));
        CancellationCycle.Outcome second = cycle.run();
        assertThat(second.cancelled()).isGreaterThanOrEqualTo(1);
        assertThat(fx.view(withEndUser).state()).isEqualTo(CardState.CANCELLED);
        assertThat(fx.held(Operator.CHINA_MOBILE, person)).isZero();
        assertThat(fx.view(withEndUser).activeReasons()).isEmpty();
        for (String iccid : List.of(neverUsed, inUse, suspended)) {
            assertThat(fx.view(iccid).state()).as(iccid).isNotIn(CardState.PRE_CANCELLED, CardState.CANCELLED);
        }
    }

    @Test
    void aCardTransferredWhilePreCancelledIsJudgedAgainWhenUsageBringsItBack() {
        long to = fx.verifiedEnterprise(agentId);
        String iccid = fx.activeCardWithEndUser(agentId, enterpriseId, fx.nonDirectionalDataPlan(), newIdentity());
        clock.advance(Duration.ofDays(63));
        cycle.run();
        assertThat(fx.view(iccid).state()).isEqualTo(CardState.PRE_CANCELLED);
        fx.cardOrders.transfer(List.of(iccid), to, CardFixtures.newOrder());
        assertThat(fx.view(iccid).state()).isEqualTo(CardState.PRE_CANCELLED);

        used(iccid, null);

        CardView back = fx.view(iccid);
        assertThat(back.state()).isEqualTo(CardState.SUSPENDED);
        assertThat(back.activeReasons())
                .extracting(BlockingReasonView::reason)
                .containsExactly(BlockingReason.UNVERIFIED);
    }

    @Test
    void onlyOneInstanceRunsTheCycleAtATime() throws Exception {
        String dormant = fx.activeDataCard(agentId, enterpriseId);
        clock.advance(Duration.ofDays(63));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService otherInstance = Executors.newSingleThreadExecutor();
        try {
            Future<?> holding =
                    otherInstance.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                        sql.queryForObject(
                                "SELECT pg_advisory_xact_lock(?)::text", String.class, CancellationCycle.LOCK_KEY);
                        held.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(cycle.run()).isEqualTo(new CancellationCycle.Outcome(0, 0, false));
            assertThat(fx.view(dormant).state()).isEqualTo(CardState.ACTIVE);

            release.countDown();
            holding.get(10, TimeUnit.SECONDS);
        } finally {
            otherInstance.shutdownNow();
        }
        assertThat(cycle.run().complete()).isTrue();
        assertThat(fx.view(dormant).state()).isEqualTo(CardState.PRE_CANCELLED);
    }
}
