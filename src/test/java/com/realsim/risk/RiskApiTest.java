package com.realsim.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardTestConfiguration;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The Partner API of risk monitoring: the rules (an unknown parameter or a value out of range is 400 naming it; each
 * change audited), the settings, the handset TAC import with its refused lines, a scan on demand followed to its end,
 * and the alerts as each role reads and works them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
class RiskApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    final Actor admin = ActorAuthentication.actor(Role.ADMIN, null, null);
    final Actor ops = ActorAuthentication.actor(Role.OPS, null, null);

    MockHttpServletResponse call(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(request.accept(MediaType.APPLICATION_JSON).with(ActorAuthentication.as(actor)))
                .andReturn()
                .getResponse();
    }

    MockHttpServletResponse json(MockHttpServletRequestBuilder request, Actor actor, String body) throws Exception {
        return call(request.contentType(MediaType.APPLICATION_JSON).content(body), actor);
    }

    @Test
    void adminChangesARuleWithinItsRangesAndEveryChangeIsAudited() throws Exception {
        MockHttpServletResponse rules = call(MockMvcRequestBuilders.get("/api/v1/risk/rules"), ops);
        assertThat(rules.getStatus()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(rules.getContentAsString(), "$.length()"))
                .isEqualTo(11);
        assertThat(rules.getContentAsString()).contains("\"code\":\"SLEEPING_CARD\"", "\"days\":90");

        MockHttpServletResponse unknown = json(
                MockMvcRequestBuilders.put("/api/v1/risk/rules/HANDLER_VELOCITY"),
                admin,
                "{\"parameters\": {\"weeks\": 2}}");
        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat(unknown.getContentAsString()).contains("\"field\":\"parameters.weeks\"");

        MockHttpServletResponse outOfRange = json(
                MockMvcRequestBuilders.put("/api/v1/risk/rules/HANDLER_VELOCITY"),
                admin,
                "{\"parameters\": {\"days\": 366, \"enterprises\": 2.5}}");
        assertThat(outOfRange.getStatus()).isEqualTo(400);
        assertThat(outOfRange.getContentAsString())
                .contains("\"field\":\"parameters.days\"", "\"field\":\"parameters.enterprises\"");

        MockHttpServletResponse byOps =
                json(MockMvcRequestBuilders.put("/api/v1/risk/rules/HANDLER_VELOCITY"), ops, "{\"enabled\": false}");
        assertThat(byOps.getStatus()).isEqualTo(403);

        MockHttpServletResponse sharedAddress =
                json(MockMvcRequestBuilders.put("/api/v1/risk/rules/SHARED_ADDRESS"), admin, "{\"enabled\": true}");
        assertThat(sharedAddress.getStatus())
                .as("evaluated since ID addresses have a blind index")
                .isEqualTo(200);
        assertThat(sharedAddress.getContentAsString()).contains("\"enabled\":true");

        MockHttpServletResponse changed = json(
                MockMvcRequestBuilders.put("/api/v1/risk/rules/HANDLER_VELOCITY"),
                admin,
                "{\"severity\": \"CRITICAL\", \"parameters\": {\"days\": 14}}");
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getContentAsString())
                .contains("\"severity\":\"CRITICAL\"", "\"days\":14", "\"enterprises\":3");
        awaitAudit("RISK_RULE_CHANGED", "RISK_RULE", "HANDLER_VELOCITY");

        json(
                MockMvcRequestBuilders.put("/api/v1/risk/rules/HANDLER_VELOCITY"),
                admin,
                "{\"severity\": \"HIGH\", \"parameters\": {\"days\": 7}}");
    }

    @Test
    void settingsTakeIsoDurationsWithinTheirRanges() throws Exception {
        MockHttpServletResponse refused = json(
                MockMvcRequestBuilders.put("/api/v1/risk/settings"), admin, "{\"reverificationDeadline\": \"PT0S\"}");
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("\"field\":\"reverificationDeadline\"");

        MockHttpServletResponse set = json(
                MockMvcRequestBuilders.put("/api/v1/risk/settings"),
                admin,
                "{\"reverificationDeadline\": \"PT24H\", \"dismissalCooldown\": \"P7D\"}");
        assertThat(set.getStatus()).isEqualTo(200);
        assertThat(set.getContentAsString()).contains("\"reverificationDeadline\":\"PT24H\"");
        assertThat(json(MockMvcRequestBuilders.put("/api/v1/risk/settings"), ops, "{}")
                        .getStatus())
                .isEqualTo(403);
        awaitAudit("RISK_SETTINGS_CHANGED", "RISK_SETTINGS", "risk");
    }

    @Test
    void handsetCodesImportKeepsTheGoodRowsAndNamesTheBadOnes() throws Exception {
        MockHttpServletResponse imported = call(
                MockMvcRequestBuilders.post("/api/v1/risk/handset-tacs")
                        .contentType("text/csv")
                        .content("tac,model\n35332511,Phone Y\n3533251,Too short\n35332512,\n"),
                admin);
        assertThat(imported.getStatus()).isEqualTo(200);
        String body = imported.getContentAsString();
        assertThat((Integer) JsonPath.read(body, "$.imported")).isEqualTo(1);
        assertThat(JsonPath.<Object>read(body, "$.rejected[0]").toString()).contains("line=3", "field=tac");
        assertThat(JsonPath.<Object>read(body, "$.rejected[1]").toString()).contains("line=4", "field=model");
        assertThat(call(
                                MockMvcRequestBuilders.post("/api/v1/risk/handset-tacs")
                                        .contentType("text/csv")
                                        .content("tac,model\n"),
                                ops)
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void opsStartAScanThatRunsInTheBackgroundToItsEnd() throws Exception {
        CardFixtures cards = new CardFixtures(context);
        long agentId = CardFixtures.newAgent();
        long enterpriseId = cards.verifiedEnterprise(agentId);
        String iccid = cards.activeDataCard(agentId, enterpriseId);
        new RiskFixtures(context).used(iccid, new RiskFixtures(context).today(), 1, 3, 0, null);

        MockHttpServletResponse started = call(MockMvcRequestBuilders.post("/api/v1/risk/scans"), ops);
        assertThat(started.getStatus()).isEqualTo(202);
        assertThat(started.getContentAsString()).contains("\"status\":\"RUNNING\"");
        long id = ((Number) JsonPath.read(started.getContentAsString(), "$.id")).longValue();
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .until(() -> call(MockMvcRequestBuilders.get("/api/v1/risk/scans/" + id), ops)
                        .getContentAsString()
                        .contains("\"status\":\"DONE\""));
        String done = call(MockMvcRequestBuilders.get("/api/v1/risk/scans/" + id), ops)
                .getContentAsString();
        assertThat((Integer) JsonPath.read(done, "$.rulesDone"))
                .as("every rule, SHARED_ADDRESS included")
                .isEqualTo(11);
        assertThat(((Number) JsonPath.read(done, "$.cardsScanned")).longValue()).isPositive();

        Actor agent = CardFixtures.agent(agentId);
        MockHttpServletResponse list =
                call(MockMvcRequestBuilders.get("/api/v1/risk/alerts?rule=OUT_OF_PROFILE_USE&iccid=" + iccid), agent);
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(list.getContentAsString(), "$.items.length()"))
                .isEqualTo(1);
        assertThat(list.getContentAsString())
                .contains("\"iccid\":\"" + iccid + "\"", "\"smsCount\":3", "\"kind\":\"CARD\"");
        long alertId = ((Number) JsonPath.read(list.getContentAsString(), "$.items[0].id")).longValue();

        assertThat(call(MockMvcRequestBuilders.post("/api/v1/risk/scans"), agent)
                        .getStatus())
                .isEqualTo(403);
        assertThat(json(
                                MockMvcRequestBuilders.post("/api/v1/risk/alerts/" + alertId + "/dismiss"),
                                agent,
                                "{\"reason\":\"x1\"}")
                        .getStatus())
                .isEqualTo(403);
        assertThat(call(
                                MockMvcRequestBuilders.get("/api/v1/risk/alerts/" + alertId),
                                CardFixtures.agent(CardFixtures.newAgent()))
                        .getStatus())
                .isEqualTo(404);

        assertThat(call(MockMvcRequestBuilders.post("/api/v1/risk/alerts/" + alertId + "/claim"), ops)
                        .getContentAsString())
                .contains("\"assignee\":\"" + ops.name() + "\"");
        MockHttpServletResponse dismissed = json(
                MockMvcRequestBuilders.post("/api/v1/risk/alerts/" + alertId + "/dismiss"),
                ops,
                "{\"reason\": \"测试短信，已与客户确认\"}");
        assertThat(dismissed.getStatus()).isEqualTo(200);
        assertThat(dismissed.getContentAsString()).contains("\"status\":\"DISMISSED\"");
        MockHttpServletResponse again = json(
                MockMvcRequestBuilders.post("/api/v1/risk/alerts/dismiss"),
                ops,
                "{\"ids\": [" + alertId + "], \"reason\": \"批量\"}");
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getContentAsString()).contains("\"done\":[]", "\"skipped\":[" + alertId + "]");
    }

    void awaitAudit(String action, String targetType, String targetId) {
        var jdbc = new RiskFixtures(context).jdbc;
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND target_type = ?"
                                        + " AND target_id = ?")
                                .params(action, targetType, targetId)
                                .query(Long.class)
                                .single()
                        > 0);
    }
}
