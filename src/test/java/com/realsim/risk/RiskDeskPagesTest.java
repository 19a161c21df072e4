package com.realsim.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.realsim.card.BlockingReason;
import com.realsim.card.BlockingReasonView;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardState;
import com.realsim.card.CardTestConfiguration;
import com.realsim.platform.Actor;
import com.realsim.platform.ChinaTime;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The customer's and OPS' risk desk pages in both languages: the flagged cards (what to do and by when, the deadline
 * in Beijing time and overdue highlighted, the contest form) for the enterprise admin and the agent and for nobody
 * else; contesting from it; OPS' appeals queue and deciding on the appeal's page, the customer reading the decision;
 * the dashboard's overdue re-verifications; the alert's page with the card's history. Another tenant hears 404.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
class RiskDeskPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    final Actor ops = ActorAuthentication.actor(Role.OPS, null, null);
    final Actor admin = ActorAuthentication.actor(Role.ADMIN, null, null);

    String page(String path, Actor actor, String language) throws Exception {
        MvcResult result = mvc.perform(MockMvcRequestBuilders.get(path)
                        .header("Accept-Language", language)
                        .accept(MediaType.TEXT_HTML)
                        .with(ActorAuthentication.as(actor)))
                .andReturn();
        assertThat(result.getResponse().getStatus())
                .as(path + " as " + actor.role())
                .isEqualTo(200);
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("??").doesNotContain("[L");
        return html;
    }

    int status(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(request.accept(MediaType.TEXT_HTML)
                        .with(ActorAuthentication.as(actor))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    MvcResult post(String path, Actor actor, Map<String, String> form) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path);
        form.forEach(request::param);
        return mvc.perform(request.with(ActorAuthentication.as(actor)).with(csrf()))
                .andReturn();
    }

    @Test
    void theCustomerSeesItsFlaggedCardsContestsAndReadsOpsDecision() throws Exception {
        RiskFixtures risk = new RiskFixtures(context);
        long agentId = CardFixtures.newAgent();
        long enterpriseId = risk.cards.verifiedEnterprise(agentId);
        Actor enterpriseAdmin = CardFixtures.enterpriseAdmin(enterpriseId);
        Actor agent = CardFixtures.agent(agentId);
        String separated = risk.cards.enterpriseCard(agentId, enterpriseId, "138", risk.cards.devicePlan());
        risk.cards.activate(separated);
        risk.used(separated, risk.today().minusDays(1), 5, 0, 0, RiskAppealsTest.BOUND_IMEI);
        risk.used(separated, risk.today(), 5, 0, 0, RiskAppealsTest.OTHER_IMEI);
        String sms = risk.cards.activeDataCard(agentId, enterpriseId);
        risk.used(sms, risk.today(), 10, 2, 0, null);
        risk.apply(RuleCode.MACHINE_CARD_SEPARATION, Map.of(), risk.clock.instant());
        risk.apply(RuleCode.OUT_OF_PROFILE_USE, Map.of("factor", 3), risk.clock.instant());
        long separation = risk.cardAlert(RuleCode.MACHINE_CARD_SEPARATION, separated)
                .orElseThrow()
                .id();
        long outOfProfile =
                risk.cardAlert(RuleCode.OUT_OF_PROFILE_USE, sms).orElseThrow().id();
        // The re-verification required of the second card has passed its deadline (the recheck helper's transition,
        // written here as its row looks).
        Instant deadline = risk.clock.instant().minus(Duration.ofHours(3));
        risk.jdbc
                .sql("UPDATE risk_alert SET status = 'REVERIFICATION_REQUIRED', deadline = ? WHERE id = ?")
                .params(Timestamp.from(deadline), outOfProfile)
                .update();
        String beijing = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(deadline.atZone(ChinaTime.ZONE));

        String flagged = page("/risk/flagged", enterpriseAdmin, "en");
        assertThat(flagged)
                .contains(separated, sms, "Machine-card separation", "Out-of-profile use", beijing, "Overdue")
                .contains("Contest: Used in another device", "/risk/flagged/" + separated + "/appeals")
                .contains("re-verify before the deadline");
        assertThat(flagged)
                .as("the overdue row is highlighted")
                .containsPattern("data-alert=\"" + outOfProfile
                        + "\"[^>]*class=\"table-danger\"|class=\"table-danger\"[^>]*data-alert=\"" + outOfProfile
                        + "\"");
        assertThat(page("/risk/flagged", agent, "zh-CN")).contains(separated, "已逾期", "申诉：机卡分离", "风险卡");
        assertThat(page("/risk/flagged", CardFixtures.enterpriseAdmin(risk.cards.verifiedEnterprise(agentId)), "en"))
                .as("a sibling enterprise's admin")
                .doesNotContain(separated)
                .doesNotContain(sms);
        assertThat(page("/risk/flagged", CardFixtures.agent(CardFixtures.newAgent()), "zh-CN"))
                .doesNotContain(separated);
        assertThat(status(MockMvcRequestBuilders.get("/risk/flagged"), ops)).isEqualTo(403);
        assertThat(status(MockMvcRequestBuilders.get("/risk/flagged"), admin)).isEqualTo(403);

        String contest = "/risk/flagged/" + separated + "/appeals";
        Map<String, String> form = Map.of("reason", "MACHINE_CARD_SEPARATION", "statement", "设备送修后主板更换");
        assertThat(post(contest, CardFixtures.agent(CardFixtures.newAgent()), form)
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(post(contest, ops, form).getResponse().getStatus()).isEqualTo(403);
        MvcResult refused =
                post(contest, enterpriseAdmin, Map.of("reason", "MACHINE_CARD_SEPARATION", "statement", "x"));
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/risk/flagged");
        MvcResult filed = post(contest, enterpriseAdmin, form);
        assertThat(filed.getFlashMap().get("flashSuccess")).isEqualTo("risk.appeal.filed");
        String appealPath = filed.getResponse().getRedirectedUrl();
        assertThat(appealPath).startsWith("/risk/appeals/");
        assertThat(page("/risk/flagged", enterpriseAdmin, "en"))
                .as("no second contest of the same reason while one is open")
                .doesNotContain("Contest: Used in another device")
                .contains("Waiting for a decision");

        assertThat(page(appealPath, enterpriseAdmin, "zh-CN"))
                .contains("设备送修后主板更换", "待决定")
                .doesNotContain("grant-form");
        assertThat(status(MockMvcRequestBuilders.get(appealPath), CardFixtures.agent(CardFixtures.newAgent())))
                .isEqualTo(404);
        assertThat(page("/risk/appeals?status=OPEN", ops, "en")).contains(separated, "Used in another device");
        assertThat(page("/risk/appeals", ops, "zh-CN")).contains(separated, "认领");
        assertThat(page("/risk/appeals", agent, "en")).contains(separated);
        assertThat(page(appealPath, ops, "en")).contains("id=\"grant-form\"", "id=\"reject-form\"");
        assertThat(status(MockMvcRequestBuilders.post(appealPath + "/grant").param("reason", "自己批准"), enterpriseAdmin))
                .isEqualTo(403);

        MvcResult granted = post(appealPath + "/grant", ops, Map.of("reason", "已核实维修发票"));
        assertThat(granted.getFlashMap().get("flashSuccess")).isEqualTo("risk.appeal.granted");
        assertThat(risk.cards.view(separated).state()).isEqualTo(CardState.ACTIVE);
        assertThat(risk.cards.view(separated).blockingReasons().stream().map(BlockingReasonView::reason))
                .contains(BlockingReason.MACHINE_CARD_SEPARATION);
        assertThat(page(appealPath, enterpriseAdmin, "en")).contains("Granted", "已核实维修发票");
        assertThat(page(appealPath, enterpriseAdmin, "zh-CN")).contains("已同意", "已核实维修发票");

        String dashboard = page("/risk/dashboard", ops, "en");
        assertThat(dashboard).contains("Overdue re-verifications", "/risk/alerts/" + outOfProfile, sms);
        assertThat(page("/risk/dashboard", ops, "zh-CN")).contains("逾期未复核", "逾期时长");

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> page("/risk/alerts/" + separation, ops, "en").contains("Appeal granted"));
        String alert = page("/risk/alerts/" + separation, enterpriseAdmin, "zh-CN");
        assertThat(alert).contains("卡 " + separated + " 的记录", "停机", "同意申诉", "复机");
        assertThat(status(
                        MockMvcRequestBuilders.get("/risk/alerts/" + separation),
                        CardFixtures.agent(CardFixtures.newAgent())))
                .isEqualTo(404);
        assertThat(List.of(separation, outOfProfile)).doesNotHaveDuplicates();
    }
}
