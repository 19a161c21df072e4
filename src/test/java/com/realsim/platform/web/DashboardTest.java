package com.realsim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.card.CardFixtures;
import com.realsim.card.CardService;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.StatementLog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The dashboards per role and tenant: an enterprise admin and an agent see their own tenant's numbers only (another
 * tenant's cards and names never), each role gets its own panels and no other's, and every dashboard costs the same
 * number of statements however many cards, enterprises and reasons there are (set-based figures). Cards by state
 * are counted afresh on every read here ({@code state-counts-ttl=0s}); the other caches are long so that none of
 * their refreshes falls into a counted read.
 */
@SpringBootTest(
        properties = {
            "realsim.card.state-counts-ttl=0s",
            "realsim.agents.qualification-check-ttl=10m",
            "realsim.card.rules-ttl=10m"
        })
@AutoConfigureMockMvc
@Import(StatementLog.Installed.class)
class DashboardTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CardService cards;

    @Autowired
    EnterpriseService enterprises;

    @Autowired
    StatementLog statements;

    static final Map<Role, List<String>> PANELS = Map.of(
            Role.ENTERPRISE_ADMIN,
            List.of(
                    "company",
                    "cards-need-action",
                    "cards-by-state",
                    "blocked-by-reason",
                    "real-name",
                    "open-alerts",
                    "data-use"),
            Role.AGENT,
            List.of(
                    "enterprises-by-status",
                    "orders-waiting",
                    "rejections",
                    "real-name-per-customer",
                    "cards-by-state",
                    "blocked-by-reason"),
            Role.OPS,
            List.of(
                    "queues",
                    "decisions-per-day",
                    "alerts-per-day",
                    "agents-by-problems",
                    "cards-by-state",
                    "blocked-by-reason"),
            Role.ADMIN,
            List.of("audit-chain", "event-publications", "imports-exports", "background-jobs", "api-traffic"));

    private String dashboard(Actor actor) throws Exception {
        var answer =
                mvc.get().uri("/?lang=en").with(ActorAuthentication.as(actor)).exchange();
        assertThat(answer).hasStatusOk();
        return answer.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void eachTenantSeesItsOwnNumbersAndNamesOnly() throws Exception {
        CardFixtures fx = new CardFixtures(context);
        long agentA = CardFixtures.newAgent();
        long agentB = CardFixtures.newAgent();
        long enterpriseA = fx.verifiedEnterprise(agentA);
        long enterpriseB = fx.verifiedEnterprise(agentB);
        String nameA = enterprises.name(enterpriseA).orElseThrow();
        String nameB = enterprises.name(enterpriseB).orElseThrow();
        String stopped = fx.activeDataCard(agentA, enterpriseA);
        fx.activeDataCard(agentB, enterpriseB);
        fx.activeDataCard(agentB, enterpriseB);
        String stoppedB = fx.activeDataCard(agentB, enterpriseB);
        RunAs.run(CardFixtures.enterpriseAdmin(enterpriseA), () -> cards.suspend(stopped, "repair"));
        RunAs.run(CardFixtures.enterpriseAdmin(enterpriseB), () -> cards.suspend(stoppedB, "repair"));

        String admin = dashboard(CardFixtures.enterpriseAdmin(enterpriseA));
        assertThat(admin)
                .contains(nameA)
                .doesNotContain(nameB)
                .contains(stopped)
                .doesNotContain(stoppedB)
                .containsPattern("href=\"/cards\\?state=SUSPENDED\"[^>]*>1<")
                .containsPattern("href=\"/cards\\?state=ACTIVE\"[^>]*>0<");
        String agent = dashboard(CardFixtures.agent(agentB));
        assertThat(agent)
                .contains(nameB)
                .doesNotContain(nameA)
                .containsPattern("href=\"/cards\\?state=ACTIVE\"[^>]*>2<")
                .containsPattern("href=\"/cards\\?reason=CUSTOMER_REQUEST\"[^>]*>1<")
                .containsPattern("href=\"/cards\\?enterprise=" + enterpriseB + "&amp;realName=INCOMPLETE\"[^>]*>0<");
        String ops = dashboard(CardFixtures.OPS);
        assertThat(ops).containsPattern("href=\"/cards\\?reason=CUSTOMER_REQUEST\"[^>]*>([2-9]|[1-9][0-9]+)<");
    }

    @Test
    void eachRoleGetsItsOwnPanels() throws Exception {
        CardFixtures fx = new CardFixtures(context);
        long agentId = CardFixtures.newAgent();
        long enterpriseId = fx.verifiedEnterprise(agentId);
        Map<Role, Actor> actors = Map.of(
                Role.ENTERPRISE_ADMIN,
                CardFixtures.enterpriseAdmin(enterpriseId),
                Role.AGENT,
                CardFixtures.agent(agentId),
                Role.OPS,
                CardFixtures.OPS,
                Role.ADMIN,
                CardFixtures.ADMIN);
        for (Role role : Role.values()) {
            String page = dashboard(actors.get(role));
            for (Role other : Role.values()) {
                for (String panel : PANELS.get(other)) {
                    if (PANELS.get(role).contains(panel)) {
                        assertThat(page).as(role + " sees " + panel).contains("id=\"" + panel + "\"");
                    } else {
                        assertThat(page).as(role + " does not see " + panel).doesNotContain("id=\"" + panel + "\"");
                    }
                }
            }
        }
    }

    @Test
    void everyDashboardCostsTheSameStatementsHoweverMuchDataThereIs() throws Exception {
        CardFixtures fx = new CardFixtures(context);
        long agentId = CardFixtures.newAgent();
        long enterpriseId = fx.verifiedEnterprise(agentId);
        fx.activeDataCard(agentId, enterpriseId);
        Map<Role, Actor> actors = Map.of(
                Role.ENTERPRISE_ADMIN,
                CardFixtures.enterpriseAdmin(enterpriseId),
                Role.AGENT,
                CardFixtures.agent(agentId),
                Role.OPS,
                CardFixtures.OPS,
                Role.ADMIN,
                CardFixtures.ADMIN);
        Map<Role, Integer> before = new java.util.EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            dashboard(actors.get(role)); // warm-up: caches of plans, rules, the agent's qualification
            before.put(role, counted(actors.get(role)));
        }

        long second = fx.verifiedEnterprise(agentId);
        for (String iccid : fx.enterpriseCards(6, "138", fx.directionalDataPlan(), agentId, enterpriseId)) {
            fx.activate(iccid);
            RunAs.run(CardFixtures.enterpriseAdmin(enterpriseId), () -> cards.suspend(iccid, "repair"));
        }
        fx.enterpriseCards(3, "138", fx.directionalDataPlan(), agentId, second);
        fx.bind(agentId, fx.enterpriseCard(agentId, enterpriseId), CardFixtures.newIdentity());

        for (Role role : Role.values()) {
            assertThat(counted(actors.get(role)))
                    .as(role + "'s dashboard statements")
                    .isEqualTo(before.get(role))
                    .isLessThan(30);
        }
    }

    private int counted(Actor actor) throws Exception {
        statements.clear();
        dashboard(actor);
        return statements.onThisThread().size();
    }
}
