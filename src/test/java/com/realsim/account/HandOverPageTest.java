package com.realsim.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.realsim.enterprise.EnterpriseView;
import com.realsim.order.OrderFixtures;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.SuspendableAgents;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The hand-over form on an agent's page (ADMIN): the ACTIVE agents to choose from, the refusals next to their fields
 * in English and Chinese, and the counts once the customers moved. OPS see the page without the form and may not
 * post it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HandOverPageTest {

    static final Actor ADMIN = ActorAuthentication.actor(Role.ADMIN, null, null);
    static final Actor OPS = ActorAuthentication.actor(Role.OPS, null, null);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    MvcResult get(String path, Actor actor, String language) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path)
                        .accept(MediaType.TEXT_HTML)
                        .header("Accept-Language", language)
                        .with(ActorAuthentication.as(actor)))
                .andReturn();
    }

    MvcResult post(String path, Actor actor, String language, String... parameters) throws Exception {
        var request = MockMvcRequestBuilders.post(path)
                .accept(MediaType.TEXT_HTML)
                .header("Accept-Language", language)
                .with(ActorAuthentication.as(actor))
                .with(csrf());
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    @Test
    void theAdminHandsASuspendedAgentsCustomersOverOnItsPage() throws Exception {
        AgentSummary from = SuspendableAgents.create(context, "移交页面来源 " + UUID.randomUUID(), null);
        AgentSummary to = SuspendableAgents.create(context, "移交页面接收 " + UUID.randomUUID(), null);
        AgentSummary suspendedTarget = SuspendableAgents.create(context, "移交页面暂停 " + UUID.randomUUID(), null);
        OrderFixtures fixtures = new OrderFixtures(context);
        EnterpriseView enterprise = fixtures.verifiedEnterprise(from.id());
        fixtures.enterpriseCards(2, fixtures.dataOnlyPlan(), from.id(), enterprise.id());
        RunAs.run(ADMIN, () -> accounts.suspendAgent(from.id(), "调查"));
        RunAs.run(ADMIN, () -> accounts.suspendAgent(suspendedTarget.id(), "调查"));
        String page = "/admin/agents/" + from.id();

        String form = get(page, ADMIN, "en").getResponse().getContentAsString();
        assertThat(form)
                .contains("id=\"hand-over\"", "Hand over its customers", to.name())
                .doesNotContain(">" + suspendedTarget.name() + "<", ">" + from.name() + "</option>");
        assertThat(get(page, OPS, "en").getResponse().getContentAsString())
                .contains("Qualification history")
                .doesNotContain("id=\"hand-over\"");
        assertThat(post(page + "/hand-over", OPS, "en", "toAgentId", String.valueOf(to.id()), "reason", "移交")
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        String missing = post(page + "/hand-over", ADMIN, "en", "reason", " ")
                .getResponse()
                .getContentAsString();
        assertThat(missing)
                .contains("id=\"toAgentId-error\"", "Choose the agent that takes the customers.", "is-invalid")
                .doesNotContain("??");
        String chinese = post(
                        page + "/hand-over",
                        ADMIN,
                        "zh-CN",
                        "toAgentId",
                        String.valueOf(suspendedTarget.id()),
                        "reason",
                        "原代理商暂停")
                .getResponse()
                .getContentAsString();
        assertThat(chinese).contains("该代理商不是正常状态", "移交其客户").doesNotContain("??");

        MvcResult done = post(page + "/hand-over", ADMIN, "en", "toAgentId", String.valueOf(to.id()), "reason", "客户移交");
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo(page);
        String after = mvc.perform(MockMvcRequestBuilders.get(page)
                        .accept(MediaType.TEXT_HTML)
                        .header("Accept-Language", "en")
                        .cookie(done.getResponse().getCookie("SESSION"))
                        .with(ActorAuthentication.as(ADMIN)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(after).contains("Handed over: 1 enterprises, 2 cards; 0 open orders cancelled.");
        assertThat(jdbc.sql("SELECT DISTINCT agent_id FROM card WHERE enterprise_id = ?")
                        .param(enterprise.id())
                        .query(Long.class)
                        .list())
                .containsExactly(to.id());
    }
}
