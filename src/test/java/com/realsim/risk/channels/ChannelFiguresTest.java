package com.realsim.risk.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.realsim.account.AccountService;
import com.realsim.card.CardFixtures;
import com.realsim.enterprise.EnterpriseDocumentKind;
import com.realsim.enterprise.EnterpriseFixtures;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.order.OrderFixtures;
import com.realsim.order.OrderService;
import com.realsim.platform.ChinaTime;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ValidationException;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.FreshNumbers;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import com.realsim.verification.VerificationService;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The agent figures against a real PostgreSQL: two agents do their work through the real use cases (registrations,
 * rejections with reasons, an order, bindings, a re-verification OPS reject); the risk alerts on their cards are rows
 * of the risk module's tables as its scans write them. Each figure, the reasons, the sort, the period, the roles, the
 * API and the page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelFiguresTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ChannelFigures figures;

    @Autowired
    AccountService accounts;

    @Autowired
    EnterpriseService enterprises;

    @Autowired
    OrderService orders;

    @Autowired
    VerificationService verifications;

    @Autowired
    JdbcClient sql;

    @Autowired
    Clock clock;

    @Autowired
    MockMvcTester mvc;

    long busy;
    long quiet;
    String busyName;
    String quietName;

    @BeforeAll
    void twoAgentsAtWork() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        busyName = "指标渠道甲 " + run;
        quietName = "指标渠道乙 " + run;
        busy = RunAs.run(OrderFixtures.ADMIN, () -> accounts.createAgent(busyName))
                .id();
        quiet = RunAs.run(OrderFixtures.ADMIN, () -> accounts.createAgent(quietName))
                .id();
        CardFixtures cards = new CardFixtures(context);
        OrderFixtures orderFixtures = new OrderFixtures(context);

        // busy: two registrations rejected three times in all (one rejected, corrected and rejected again).
        long twice = rejected(busy, "营业执照照片模糊");
        RunAs.run(CardFixtures.agent(busy), () -> {
            EnterpriseView again = enterprises.get(twice);
            enterprises.correct(twice, EnterpriseFixtures.input(again.name() + "（更正）", again.certificateNumber()));
            enterprises.submit(twice);
        });
        RunAs.run(CardFixtures.OPS, () -> enterprises.reject(twice, "营业执照照片模糊"));
        rejected(busy, "地址与执照不符");
        // busy: one card bound, with a re-verification that OPS rejected; one new-card order.
        CardFixtures.CustomerCard busyCard = cards.endUserCard(busy);
        cards.bind(busy, busyCard.iccid(), CardFixtures.newIdentity());
        long caseId = cards.photos(busy, busyCard.iccid());
        // a re-verification under review has its live photo and the accepted fraud-risk notice (V300)
        sql.sql("UPDATE verification_case SET kind = 'REVERIFICATION', risk_notice_accepted_at = now() WHERE id = ?")
                .param(caseId)
                .update();
        RunAs.run(CardFixtures.OPS, () -> verifications.reject(caseId, "the live photo shows someone else"));
        long orderEnterprise = orderFixtures.verifiedEnterprise(busy).id();
        List<String> stock = orderFixtures.inventory(2, orderFixtures.dataOnlyPlan());
        RunAs.run(OrderFixtures.agent(busy), () -> orders.create(OrderFixtures.newInstall(orderEnterprise, stock)));
        // quiet: two cards bound.
        CardFixtures.CustomerCard quietCard = cards.endUserCard(quiet);
        cards.bind(quiet, quietCard.iccid(), CardFixtures.newIdentity());
        CardFixtures.CustomerCard quietOther = cards.endUserCard(quiet);
        cards.bind(quiet, quietOther.iccid(), CardFixtures.newIdentity());
        // Risk alerts: one on busy's card alone; one on an identity whose cards lie with both agents (counted once
        // for each); one closed before the period asked for below.
        alert("CARD", String.valueOf(busyCard.id()), busyCard.id(), busy, "now()", busyCard.id());
        alert(
                "IDENTITY",
                "identity-" + UUID.randomUUID(),
                null,
                null,
                "now()",
                busyCard.id(),
                quietCard.id(),
                quietOther.id());
        alert("IDENTITY", "identity-" + UUID.randomUUID(), null, null, "now() - interval '40 days'", quietCard.id());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sql.sql("SELECT count(*) FROM audit_entry WHERE action = 'ENTERPRISE_REJECTED'"
                                        + " AND agent_id = ?")
                                .param(busy)
                                .query(Long.class)
                                .single()
                        == 3);
    }

    @Test
    void eachFigureCountsTheAgentsWorkInThePeriod() {
        Map<Long, AgentFigures> report = byAgent(RunAs.run(CardFixtures.OPS, () -> figures.figures(null, null, null)));

        assertThat(report.get(busy)).satisfies(agent -> {
            // the order's enterprise, the bound card's enterprise and the two rejected ones
            assertThat(agent.registrations()).isEqualTo(4);
            assertThat(agent.rejections()).isEqualTo(3);
            assertThat(agent.rejectionReasons())
                    .containsExactly(
                            new AgentFigures.ReasonCount("营业执照照片模糊", 2), new AgentFigures.ReasonCount("地址与执照不符", 1));
            assertThat(agent.orders()).isEqualTo(1);
            assertThat(agent.cardsBound()).isEqualTo(1);
            assertThat(agent.riskAlerts()).isEqualTo(2);
            assertThat(agent.reverificationsFailed()).isEqualTo(1);
            assertThat(agent.status()).isEqualTo("ACTIVE");
        });
        assertThat(report.get(quiet)).satisfies(agent -> {
            assertThat(agent.registrations()).isEqualTo(2);
            assertThat(agent.rejections()).isZero();
            assertThat(agent.rejectionReasons()).isEmpty();
            assertThat(agent.orders()).isZero();
            assertThat(agent.cardsBound()).isEqualTo(2);
            assertThat(agent.riskAlerts())
                    .as("the alert opened 40 days ago is outside the 30 days")
                    .isEqualTo(1);
            assertThat(agent.reverificationsFailed()).isZero();
        });
    }

    @Test
    void theAgentsAreSortedByTheFigureChosenAndThePeriodBoundsEveryFigure() {
        LocalDate today = ChinaTime.today(clock);
        List<Long> byRejections =
                ours(RunAs.run(CardFixtures.OPS, () -> figures.figures(AgentFigure.REJECTIONS, null, null)));
        List<Long> byCards =
                ours(RunAs.run(CardFixtures.ADMIN, () -> figures.figures(AgentFigure.CARDS_BOUND, today, today)));
        assertThat(byRejections).containsExactly(busy, quiet);
        assertThat(byCards).containsExactly(quiet, busy);

        FiguresReport yesterday = RunAs.run(
                CardFixtures.OPS,
                () -> figures.figures(AgentFigure.RISK_ALERTS, today.minusDays(60), today.minusDays(1)));
        assertThat(byAgent(yesterday).get(busy))
                .isEqualTo(new AgentFigures(busy, busyName, "ACTIVE", 0, 0, List.of(), 0, 0, 0, 0));
        assertThat(byAgent(yesterday).get(quiet).riskAlerts()).isEqualTo(1);
    }

    @Test
    void aBadPeriodNamesTheFieldAndOnlyOpsAndAdminMayAsk() {
        LocalDate today = ChinaTime.today(clock);
        assertThatThrownBy(() -> RunAs.run(CardFixtures.OPS, () -> figures.figures(null, today, today.minusDays(1))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.fieldProblems().get(0).field()).isEqualTo("from"));
        assertThatThrownBy(() -> RunAs.run(CardFixtures.OPS, () -> figures.figures(null, today.minusDays(400), today)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RunAs.run(CardFixtures.agent(busy), () -> figures.figures(null, null, null)))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void theApiAnswersOpsAndAdminAndRefusesTheTenants() {
        assertThat(mvc.get().uri("/api/v1/agents/figures?sort=REJECTIONS").with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.sort").isEqualTo("REJECTIONS");
                    assertThat(json)
                            .extractingPath("$.agents[?(@.agentId == " + busy + ")].rejections")
                            .asArray()
                            .containsExactly(3);
                    assertThat(json)
                            .extractingPath("$.agents[?(@.agentId == " + busy + ")].rejectionReasons[0].reason")
                            .asArray()
                            .containsExactly("营业执照照片模糊");
                });
        assertThat(mvc.get().uri("/api/v1/agents/figures").with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk();
        assertThat(mvc.get()
                        .uri("/api/v1/agents/figures?from=2026-02-01&to=2026-01-01")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("from");
        assertThat(mvc.get().uri("/api/v1/agents/figures").with(ActorAuthentication.as(CardFixtures.agent(busy))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/agents/figures").with(ActorAuthentication.as(Role.ENTERPRISE_ADMIN)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void thePageShowsTheTableAndTheChartInBothLanguages() {
        for (var language :
                Map.of("zh-CN", "复核失败数", "en", "Re-verifications failed").entrySet()) {
            assertThat(mvc.get()
                            .uri("/agent-figures?sort=REJECTIONS")
                            .header("Accept-Language", language.getKey())
                            .with(ActorAuthentication.as(Role.OPS)))
                    .hasStatusOk()
                    .bodyText()
                    .contains("id=\"agent-figures-table\"")
                    .contains("id=\"agent-figures-chart\"")
                    .contains("id=\"agent-" + busy + "\"")
                    .contains(busyName)
                    .contains("营业执照照片模糊")
                    .contains(language.getValue())
                    .doesNotContain("??")
                    .doesNotContain("REVERIFICATIONS_FAILED<");
        }
        assertThat(mvc.get()
                        .uri("/agent-figures?from=2026-02-01&to=2026-01-01")
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("The first day must not be after the last day.")
                .doesNotContain("id=\"agent-figures-table\"");
        assertThat(mvc.get().uri("/agent-figures").with(ActorAuthentication.as(CardFixtures.agent(busy))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/agent-figures").with(ActorAuthentication.as(Role.ENTERPRISE_ADMIN)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    /** A registration of the agent, submitted with its documents and rejected by OPS with the reason. */
    private long rejected(long agentId, String reason) {
        EnterpriseView draft = new EnterpriseFixtures(enterprises).draft(agentId, FreshNumbers.uscc());
        RunAs.run(CardFixtures.agent(agentId), () -> {
            enterprises.attach(draft.id(), EnterpriseDocumentKind.CERTIFICATE, TestFiles.jpeg());
            enterprises.attach(draft.id(), EnterpriseDocumentKind.RESPONSIBLE_ID_FRONT, TestFiles.jpeg());
            enterprises.attach(draft.id(), EnterpriseDocumentKind.RESPONSIBLE_ID_BACK, TestFiles.png());
            enterprises.submit(draft.id());
        });
        RunAs.run(CardFixtures.OPS, () -> enterprises.reject(draft.id(), reason));
        return draft.id();
    }

    /** An alert as the risk scans write it: the alert, and each card it concerns with that card's tenant. */
    private void alert(String kind, String key, Long cardId, Long agentId, String openedAt, long... concerned) {
        long alertId = sql.sql("INSERT INTO risk_alert (rule_code, severity, status, subject_kind, subject_key,"
                        + " subject_masked, card_id, agent_id, opened_at, last_seen_at)"
                        + " SELECT min(code), 'HIGH', 'OPEN', ?, ?, '***', ?, ?, " + openedAt + ", now() FROM risk_rule"
                        + " RETURNING id")
                .params(kind, key, cardId, agentId)
                .query(Long.class)
                .single();
        for (long card : concerned) {
            sql.sql("INSERT INTO risk_alert_card (alert_id, card_id, agent_id, enterprise_id)"
                            + " SELECT ?, id, agent_id, enterprise_id FROM card WHERE id = ?")
                    .params(alertId, card)
                    .update();
        }
    }

    private static Map<Long, AgentFigures> byAgent(FiguresReport report) {
        return report.agents().stream().collect(Collectors.toMap(AgentFigures::agentId, Function.identity()));
    }

    private List<Long> ours(FiguresReport report) {
        return report.agents().stream()
                .map(AgentFigures::agentId)
                .filter(id -> id == busy || id == quiet)
                .toList();
    }
}
