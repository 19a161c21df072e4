package com.realsim.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.realsim.card.CardFixtures;
import com.realsim.card.CardTestConfiguration;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * The risk pages in both languages: OPS' queue, an alert's page with its evidence, dismissing from it and in bulk,
 * the dashboard with its chart data; a tenant reads the alerts on its own cards and hears 404 for another's; ADMIN's
 * rules page and a rule's form, refused out of range.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
class RiskPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

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

    @Test
    void opsWorkTheQueueAndTenantsReadTheirOwnAlerts() throws Exception {
        RiskFixtures risk = new RiskFixtures(context);
        long agentId = CardFixtures.newAgent();
        long enterpriseId = risk.cards.verifiedEnterprise(agentId);
        String first = risk.cards.activeDataCard(agentId, enterpriseId);
        String second = risk.cards.activeDataCard(agentId, enterpriseId);
        risk.used(first, risk.today(), 10, 2, 0, null);
        risk.used(second, risk.today(), 10, 0, 5, null);
        risk.apply(RuleCode.OUT_OF_PROFILE_USE, Map.of("factor", 3), clock.instant());
        long a =
                risk.cardAlert(RuleCode.OUT_OF_PROFILE_USE, first).orElseThrow().id();
        long b = risk.cardAlert(RuleCode.OUT_OF_PROFILE_USE, second)
                .orElseThrow()
                .id();

        String queue = page("/risk/alerts?rule=OUT_OF_PROFILE_USE&status=OPEN", ops, "en");
        assertThat(queue).contains("Out-of-profile use", first, second, "id=\"bulk-dismiss-button\"");
        assertThat(page("/risk/alerts?rule=OUT_OF_PROFILE_USE", ops, "zh-CN")).contains("超范围使用", "认领");

        String detail = page("/risk/alerts/" + a, ops, "en");
        assertThat(detail).contains("SMS on a plan without SMS", "id=\"dismiss-form\"", "Evidence");
        assertThat(page("/risk/alerts/" + a, ops, "zh-CN")).contains("无短信套餐出现短信", "证据");

        Actor agent = CardFixtures.agent(agentId);
        String asAgent = page("/risk/alerts/" + a, agent, "en");
        assertThat(asAgent).contains(first).doesNotContain("id=\"dismiss-form\"");
        assertThat(page("/risk/alerts", CardFixtures.enterpriseAdmin(enterpriseId), "zh-CN"))
                .contains(first);
        assertThat(status(MockMvcRequestBuilders.get("/risk/alerts/" + a), CardFixtures.agent(CardFixtures.newAgent())))
                .isEqualTo(404);
        assertThat(status(
                        MockMvcRequestBuilders.post("/risk/alerts/" + a + "/dismiss")
                                .param("reason", "x1"),
                        agent))
                .isEqualTo(403);

        MvcResult claimed = mvc.perform(MockMvcRequestBuilders.post("/risk/alerts/" + a + "/claim")
                        .param("back", "queue")
                        .with(ActorAuthentication.as(ops))
                        .with(csrf()))
                .andReturn();
        assertThat(claimed.getResponse().getRedirectedUrl()).isEqualTo("/risk/alerts");

        MvcResult dismissed = mvc.perform(MockMvcRequestBuilders.post("/risk/alerts/" + a + "/dismiss")
                        .param("reason", "客户确认为测试短信")
                        .with(ActorAuthentication.as(ops))
                        .with(csrf()))
                .andReturn();
        assertThat(dismissed.getFlashMap().get("flashSuccess")).isEqualTo("risk.alert.dismissed");
        assertThat(risk.cardAlert(RuleCode.OUT_OF_PROFILE_USE, first)
                        .orElseThrow()
                        .status())
                .isEqualTo("DISMISSED");

        MvcResult bulk = mvc.perform(MockMvcRequestBuilders.post("/risk/alerts/dismiss")
                        .param("ids", Long.toString(a), Long.toString(b))
                        .param("reason", "批量核实")
                        .with(ActorAuthentication.as(ops))
                        .with(csrf()))
                .andReturn();
        assertThat(bulk.getFlashMap().get("flashSuccess")).isEqualTo("risk.alert.bulkDismissed");
        assertThat((Object[]) bulk.getFlashMap().get("flashArgs")).containsExactly(1, 1);
        assertThat(risk.cardAlert(RuleCode.OUT_OF_PROFILE_USE, second)
                        .orElseThrow()
                        .status())
                .isEqualTo("DISMISSED");

        String dashboard = page("/risk/dashboard", ops, "en");
        assertThat(dashboard).contains("id=\"alerts-per-day\"", "data-chart=", "Out-of-profile use", "Scan now");
        assertThat(page("/risk/dashboard", ops, "zh-CN")).contains("风险看板", "每日新增和关闭的告警");
        assertThat(status(MockMvcRequestBuilders.get("/risk/dashboard"), agent)).isEqualTo(403);
    }

    @Test
    void adminSetsARuleOnItsPageWithinItsRange() throws Exception {
        assertThat(page("/admin/risk/rules", admin, "en"))
                .contains("Sleeping card", "parameter-SLEEPING_CARD-days", "Handset type allocation codes");
        assertThat(page("/admin/risk/rules", admin, "zh-CN")).contains("睡眠卡", "二次核验期限");
        assertThat(status(MockMvcRequestBuilders.get("/admin/risk/rules"), ops)).isEqualTo(403);

        MvcResult refused = mvc.perform(MockMvcRequestBuilders.post("/admin/risk/rules/SILENT_CARD")
                        .param("enabled", "on")
                        .param("severity", "MEDIUM")
                        .param("parameter.days", "0")
                        .with(ActorAuthentication.as(admin))
                        .with(csrf()))
                .andReturn();
        assertThat(refused.getFlashMap().get("flashError")).isEqualTo("error.VALIDATION_FAILED");
        assertThat(refused.getFlashMap().get("refusedFields")).asString().contains("parameters.days");

        MvcResult saved = mvc.perform(MockMvcRequestBuilders.post("/admin/risk/rules/SILENT_CARD")
                        .param("enabled", "on")
                        .param("severity", "HIGH")
                        .param("parameter.days", "30")
                        .with(ActorAuthentication.as(admin))
                        .with(csrf()))
                .andReturn();
        assertThat(saved.getFlashMap().get("flashSuccess")).isEqualTo("risk.rule.changed");
        RiskRuleView rule =
                RunAs.run(admin, () -> context.getBean(RiskRules.class).rule(RuleCode.SILENT_CARD));
        assertThat(rule.severity()).isEqualTo(Severity.HIGH);
        RunAs.run(
                admin,
                () -> context.getBean(RiskRules.class)
                        .change(RuleCode.SILENT_CARD, new RuleChange(true, Severity.MEDIUM, Map.of())));
    }
}
