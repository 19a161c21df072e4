package com.realsim.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.realsim.identity.BarSubject;
import com.realsim.identity.BarView;
import com.realsim.identity.BarredIdentities;
import com.realsim.identity.IdType;
import com.realsim.identity.NewBar;
import com.realsim.platform.Actor;
import com.realsim.platform.ChinaTime;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.FreshNumbers;
import com.realsim.testsupport.RunAs;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The agent's page and the bars' pages, in both languages, for the roles that may and may not use them: ADMIN
 * suspends and revokes on the agent's page and OPS may suspend only; OPS record and lift bars, nobody else sees them;
 * a suspended agent's user who posts a form gets the rule's text.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AgentAndBarPagesTest {

    static final Actor ADMIN = ActorAuthentication.actor(Role.ADMIN, null, null);
    static final Actor OPS = ActorAuthentication.actor(Role.OPS, null, null);

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    BarredIdentities bars;

    @Autowired
    Clock clock;

    MockHttpServletResponse get(String path, Actor actor, String language) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path)
                        .accept(MediaType.TEXT_HTML)
                        .header("Accept-Language", language)
                        .with(ActorAuthentication.as(actor)))
                .andReturn()
                .getResponse();
    }

    MockHttpServletResponse post(String path, Actor actor, String... parameters) throws Exception {
        var request = MockMvcRequestBuilders.post(path)
                .accept(MediaType.TEXT_HTML)
                .header("Accept-Language", "en")
                .with(ActorAuthentication.as(actor))
                .with(csrf());
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void theAgentsPageShowsItsQualificationAndHistoryToAdminAndOps() throws Exception {
        AgentSummary agent = com.realsim.testsupport.SuspendableAgents.create(
                context, "页面渠道 " + UUID.randomUUID(), FreshNumbers.uscc());
        String page = "/admin/agents/" + agent.id();

        assertThat(post(page + "/revoke", OPS, "reason", "撤销").getStatus())
                .as("OPS may not revoke")
                .isEqualTo(403);
        assertThat(post(page + "/suspend", OPS, "reason", "渠道异常").getRedirectedUrl())
                .isEqualTo(page);
        MockHttpServletResponse english = get(page, ADMIN, "en");
        assertThat(english.getStatus()).isEqualTo(200);
        assertThat(english.getContentAsString())
                .contains("Suspended", "渠道异常", "Qualification history", "Reinstate", "Revoke for good");
        MockHttpServletResponse chinese = get(page, OPS, "zh-CN");
        assertThat(chinese.getStatus()).isEqualTo(200);
        assertThat(chinese.getContentAsString())
                .contains("暂停", "资格变更记录")
                .doesNotContain("id=\"revoke\"", "id=\"reinstate\"");

        for (Role tenant : new Role[] {Role.AGENT, Role.ENTERPRISE_ADMIN}) {
            Actor someone = ActorAuthentication.actor(
                    tenant, tenant == Role.AGENT ? agent.id() : null, tenant == Role.AGENT ? null : 1L);
            assertThat(get(page, someone, "en").getStatus()).as("%s", tenant).isEqualTo(403);
        }
        assertThat(get("/admin/agents/" + Long.MAX_VALUE, ADMIN, "en").getStatus())
                .isEqualTo(404);
    }

    @Test
    void aSuspendedAgentsUserWhoPostsAFormReadsWhy() throws Exception {
        AgentSummary agent =
                com.realsim.testsupport.SuspendableAgents.create(context, "暂停页面渠道 " + UUID.randomUUID(), null);
        RunAs.run(ADMIN, () -> accounts.suspendAgent(agent.id(), "调查"));
        Actor user = ActorAuthentication.actor(Role.AGENT, agent.id(), null);
        assertThat(get("/orders", user, "en").getContentAsString())
                .as("every page says so")
                .contains("id=\"agent-not-qualified\"", "Your agent organisation is suspended or revoked");
        assertThat(get(
                                "/orders",
                                ActorAuthentication.actor(
                                        Role.AGENT, com.realsim.order.OrderFixtures.newAgentId(), null),
                                "en")
                        .getContentAsString())
                .doesNotContain("agent-not-qualified");
        MockHttpServletResponse refused = post("/orders", user);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString())
                .contains("Your agent organisation is suspended or revoked")
                .doesNotContain("??");
    }

    @Test
    void opsRecordAndLiftBarsOnTheirPagesAndNobodyElseSeesThem() throws Exception {
        LocalDate today = ChinaTime.today(clock);
        String person = FreshNumbers.residentIdNumber();
        MockHttpServletResponse tooLong = post(
                "/bars",
                OPS,
                "subjectType",
                "PERSON",
                "idType",
                "RESIDENT_ID",
                "idNumber",
                person,
                "basis",
                "闽公通〔2026〕30号",
                "validFrom",
                today.toString(),
                "validTo",
                today.plusYears(6).toString(),
                "reason",
                "出租电话卡");
        assertThat(tooLong.getStatus()).isEqualTo(200);
        assertThat(tooLong.getContentAsString()).contains("A bar lasts at most 5 years.");

        MockHttpServletResponse recorded = post(
                "/bars",
                OPS,
                "subjectType",
                "PERSON",
                "idType",
                "RESIDENT_ID",
                "idNumber",
                person,
                "basis",
                "闽公通〔2026〕30号",
                "validFrom",
                today.toString(),
                "validTo",
                today.plusYears(2).toString(),
                "reason",
                "出租电话卡");
        String page = recorded.getRedirectedUrl();
        assertThat(page).startsWith("/bars/");
        MockHttpServletResponse shown = get(page, OPS, "zh-CN");
        assertThat(shown.getContentAsString())
                .contains("惩戒中", "闽公通〔2026〕30号", "风险告警")
                .doesNotContain(person);

        assertThat(post(page + "/lift", OPS, "reason", "申诉成立").getStatus())
                .as("the same person: the rule's message, on the page")
                .isEqualTo(302);
        assertThat(post(page + "/lift", ActorAuthentication.actor(Role.OPS, null, null), "reason", "申诉成立")
                        .getRedirectedUrl())
                .isEqualTo(page);
        assertThat(get(page, OPS, "en").getContentAsString()).contains("Lifted").contains("申诉成立");

        for (Actor other : new Actor[] {
            ADMIN,
            ActorAuthentication.actor(Role.AGENT, 1L, null),
            ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, 1L)
        }) {
            assertThat(get("/bars", other, "en").getStatus())
                    .as("%s", other.role())
                    .isEqualTo(403);
            assertThat(get(page, other, "en").getStatus())
                    .as("%s", other.role())
                    .isEqualTo(403);
        }
        assertThat(get("/bars/" + Long.MAX_VALUE, OPS, "en").getStatus()).isEqualTo(404);
    }

    @Test
    void theSelfLiftIsRefusedWithTheRulesText() throws Exception {
        LocalDate today = ChinaTime.today(clock);
        BarView bar = RunAs.run(
                OPS,
                () -> bars.record(new NewBar(
                        BarSubject.PERSON,
                        IdType.RESIDENT_ID,
                        FreshNumbers.residentIdNumber(),
                        null,
                        "闽公通〔2026〕31号",
                        today,
                        today.plusYears(1),
                        "出借电话卡")));
        var refused = mvc.perform(MockMvcRequestBuilders.post("/bars/" + bar.id() + "/lift")
                        .param("reason", "申诉成立")
                        .accept(MediaType.TEXT_HTML)
                        .with(ActorAuthentication.as(OPS))
                        .with(csrf()))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/bars/" + bar.id());
        assertThat(refused.getFlashMap().get("flashError")).isEqualTo("identity.bar.selfLift");
        assertThat(RunAs.run(OPS, () -> bars.view(bar.id())).inForce()).isTrue();
    }
}
