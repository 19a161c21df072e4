package com.realsim.card.domain;

import static com.realsim.card.CardFixtures.newAgent;
import static com.realsim.card.CardFixtures.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.card.BlockingReason;
import com.realsim.card.BlockingReasonView;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardState;
import com.realsim.card.CardTestConfiguration;
import com.realsim.card.CardView;
import com.realsim.catalogue.NewServicePlan;
import com.realsim.catalogue.Operator;
import com.realsim.catalogue.OperatorService;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.catalogue.ServicePlanService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lifecycle timers on the movable clock: exactly the cards whose test period or silent period is over move — a
 * card handed over a minute later stays — and a card whose silent period ends with an incomplete real-name is
 * switched on stopped with {@code UNVERIFIED} until its end user is verified. The trail gets an entry per card.
 */
@SpringBootTest
@Import(CardTestConfiguration.class)
class LifecycleTimersTest {

    private static final AtomicInteger plans = new AtomicInteger();

    @Autowired
    ApplicationContext context;

    @Autowired
    LifecycleTimers timers;

    @Autowired
    ServicePlanService planService;

    @Autowired
    OperatorService operators;

    @Autowired
    com.realsim.verification.MutableClock clock;

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

    /** A test package whose test period lasts {@code days}. */
    String testPackage(int days) {
        String code = "T-TIMER-" + System.nanoTime() % 100_000_000 + "-" + plans.incrementAndGet();
        return planService
                .create(
                        new NewServicePlan(
                                code,
                                "Timer plan",
                                false,
                                ServiceDirection.NONE,
                                ServiceDirection.NONE,
                                true,
                                false,
                                days),
                        CardFixtures.ADMIN)
                .code();
    }

    CardState state(String iccid) {
        return fx.view(iccid).state();
    }

    @Test
    void theTestPeriodEndsAfterThePlansTestPeriodForExactlyTheCardsWhoseIsOver() {
        String plan = testPackage(10);
        String first = fx.enterpriseCard(agentId, enterpriseId, "138", plan);
        clock.advance(Duration.ofMinutes(1));
        String minuteLater = fx.enterpriseCard(agentId, enterpriseId, "138", plan);
        assertThat(state(first)).isEqualTo(CardState.TEST);

        clock.advance(Duration.ofDays(10).minusMinutes(2));
        timers.run();
        assertThat(state(first)).as("a minute before its 10 days are over").isEqualTo(CardState.TEST);

        clock.advance(Duration.ofMinutes(1));
        Instant ended = clock.instant();
        LifecycleTimers.Outcome outcome = timers.run();
        assertThat(outcome.testPeriodsEnded()).isGreaterThanOrEqualTo(1);
        assertThat(state(first)).isEqualTo(CardState.PENDING_ACTIVATION);
        assertThat(state(minuteLater)).as("handed over a minute later").isEqualTo(CardState.TEST);
        assertThat(sql.queryForObject("SELECT pending_since FROM card WHERE iccid = ?", Instant.class, first))
                .as("its silent period begins")
                .isCloseTo(ended, org.assertj.core.api.Assertions.within(1, ChronoUnit.MILLIS));
        awaitEntry(first, "CARD_TEST_PERIOD_ENDED");

        clock.advance(Duration.ofMinutes(1));
        timers.run();
        assertThat(state(minuteLater)).isEqualTo(CardState.PENDING_ACTIVATION);
        assertThat(entries(first, "CARD_TEST_PERIOD_ENDED")).as("once").isEqualTo(1);
    }

    @Test
    void theSilentPeriodEndsAfterTheOperatorsLimitActiveOnlyWithACompleteRealName() {
        // the ADMIN gives China Telecom a silent period of 7 days; China Mobile keeps its own (180)
        int before = silentPeriodDays(Operator.CHINA_TELECOM);
        operators.setSilentPeriod(Operator.CHINA_TELECOM, 7, CardFixtures.ADMIN);
        try {
            silentPeriodOfSevenDays();
        } finally {
            operators.setSilentPeriod(Operator.CHINA_TELECOM, before, CardFixtures.ADMIN);
        }
    }

    void silentPeriodOfSevenDays() {
        int days = 7;
        String directional = fx.directionalDataPlan(); // the enterprise's real-name suffices
        String complete = fx.enterpriseCard(agentId, enterpriseId, "138", directional, Operator.CHINA_TELECOM);
        String withoutEndUser =
                fx.enterpriseCard(agentId, enterpriseId, "138", fx.nonDirectionalDataPlan(), Operator.CHINA_TELECOM);
        String otherOperator = fx.enterpriseCard(agentId, enterpriseId, "138", directional, Operator.CHINA_MOBILE);
        clock.advance(Duration.ofMinutes(1));
        String minuteLater = fx.enterpriseCard(agentId, enterpriseId, "138", directional, Operator.CHINA_TELECOM);

        clock.advance(Duration.ofDays(days).minusMinutes(2));
        timers.run();
        assertThat(List.of(state(complete), state(withoutEndUser)))
                .as("a minute before the silent period is over")
                .containsOnly(CardState.PENDING_ACTIVATION);

        clock.advance(Duration.ofMinutes(1));
        Instant switchedOn = clock.instant();
        timers.run();

        CardView active = fx.view(complete);
        assertThat(active.state()).isEqualTo(CardState.ACTIVE);
        assertThat(active.activatedAt())
                .isCloseTo(switchedOn, org.assertj.core.api.Assertions.within(1, ChronoUnit.MILLIS));
        assertThat(active.blockingReasons()).isEmpty();

        CardView stopped = fx.view(withoutEndUser);
        assertThat(stopped.state()).isEqualTo(CardState.SUSPENDED);
        assertThat(stopped.blockingReasons())
                .filteredOn(BlockingReasonView::active)
                .extracting(BlockingReasonView::reason)
                .containsExactly(BlockingReason.UNVERIFIED);
        assertThat(state(minuteLater))
                .as("a minute later into its silent period")
                .isEqualTo(CardState.PENDING_ACTIVATION);
        assertThat(state(otherOperator))
                .as("China Mobile's silent period is its own")
                .isEqualTo(CardState.PENDING_ACTIVATION);
        awaitEntry(complete, "CARD_ACTIVATED");
        awaitEntry(withoutEndUser, "CARD_SUSPENDED");
        assertThat(sql.queryForObject(
                        "SELECT actor FROM audit_entry WHERE target_id = ? AND action = 'CARD_ACTIVATED'",
                        String.class,
                        complete))
                .isEqualTo("system");

        clock.advance(Duration.ofMinutes(1));
        timers.run();
        assertThat(state(minuteLater)).isEqualTo(CardState.ACTIVE);
        assertThat(state(complete)).isEqualTo(CardState.ACTIVE);

        // the real-name completed later: UNVERIFIED goes and the card works
        fx.verifiedEndUser(agentId, withoutEndUser, newIdentity());
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> state(withoutEndUser) == CardState.ACTIVE);
    }

    int silentPeriodDays(Operator operator) {
        return operators.quotas().stream()
                .filter(setting -> setting.operator() == operator)
                .findFirst()
                .orElseThrow()
                .silentPeriodDays();
    }

    void awaitEntry(String iccid, String action) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> entries(iccid, action) == 1);
    }

    long entries(String iccid, String action) {
        return sql.queryForObject(
                "SELECT count(*) FROM audit_entry WHERE target_type = 'CARD' AND target_id = ? AND action = ?",
                Long.class,
                iccid,
                action);
    }
}
