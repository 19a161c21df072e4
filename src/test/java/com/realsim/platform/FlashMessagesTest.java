package com.realsim.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.realsim.enterprise.EnterpriseFixtures;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.order.OrderFixtures;
import com.realsim.testsupport.ActorAuthentication;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * The banner after a post-redirect-get reads as a sentence: each argument in its place (not the argument array's
 * {@code [Ljava.lang.Object;@…}), codes as their labels, lists joined the language's way.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FlashMessagesTest {

    static final Pattern BANNER =
            Pattern.compile("<div class=\"alert alert-(success|danger)\" role=\"(?:status|alert)\">([^<]*)</div>");

    @Autowired
    MockMvc mvc;

    @Autowired
    EnterpriseService enterprises;

    /** Posts, follows the redirect with its flash attributes, and answers the banner's text. */
    String bannerAfter(RequestPostProcessor actor, String language, String uri, String... form) throws Exception {
        var request = post(uri).with(actor).with(csrf()).header("Accept-Language", language);
        for (int i = 0; i < form.length; i += 2) {
            request.param(form[i], form[i + 1]);
        }
        MvcResult posted = mvc.perform(request).andReturn();
        assertThat(posted.getResponse().getStatus()).as("redirect after " + uri).isEqualTo(302);
        Cookie session = posted.getResponse().getCookie("SESSION");
        assertThat(session)
                .as("the session that keeps the flash attributes until the next page")
                .isNotNull();
        var shown = mvc.perform(get(posted.getResponse().getRedirectedUrl())
                        .with(actor)
                        .cookie(session)
                        .accept(MediaType.TEXT_HTML)
                        .header("Accept-Language", language))
                .andReturn()
                .getResponse();
        assertThat(shown.getStatus()).as("the page the redirect leads to").isEqualTo(200);
        String page = shown.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Matcher banner = BANNER.matcher(page);
        assertThat(banner.find())
                .as("a banner on " + posted.getResponse().getRedirectedUrl())
                .isTrue();
        return HtmlUtils.htmlUnescape(banner.group(2).strip());
    }

    @Test
    void aSuccessBannerShowsItsArgumentInPlace() throws Exception {
        RequestPostProcessor admin = ActorAuthentication.as(Role.ADMIN);
        String name = "华南智联 " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(bannerAfter(admin, "zh-CN", "/admin/agents", "name", name)).isEqualTo("已创建代理商机构“" + name + "”。");
        String other = "South Link " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(bannerAfter(admin, "en", "/admin/agents", "name", other))
                .isEqualTo("Agent organisation \"" + other + "\" created.");
    }

    @Test
    void aRefusalBannerNamesTheMissingDocumentsByTheirLabels() throws Exception {
        long agentId = OrderFixtures.newAgentId();
        EnterpriseView draft = new EnterpriseFixtures(enterprises).draft(agentId, EnterpriseFixtures.code(1));
        RequestPostProcessor agent = ActorAuthentication.as(OrderFixtures.agent(agentId));
        String uri = "/enterprises/" + draft.id() + "/submit";
        assertThat(bannerAfter(agent, "zh-CN", uri)).isEqualTo("缺少资料：证件原件照片、责任人证件正面、责任人证件反面。");
        assertThat(bannerAfter(agent, "en", uri))
                .isEqualTo("Documents are missing: Photo of the original certificate; Responsible person's ID, front;"
                        + " Responsible person's ID, back.");
    }
}
