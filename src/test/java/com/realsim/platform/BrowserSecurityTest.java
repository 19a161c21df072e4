package com.realsim.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.realsim.account.AccountService;
import com.realsim.testsupport.ActorAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Who may open what in the browser: anonymous, the wrong role, the right role, and forms without CSRF tokens. */
@SpringBootTest
@AutoConfigureMockMvc
class BrowserSecurityTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        assertThat(mvc.get().uri("/"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/login");
        assertThat(mvc.get().uri("/admin/users"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/login");
    }

    @Test
    void theLoginPageAndAssetsArePublic() {
        assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("RealSIM");
        assertThat(mvc.get().uri("/webjars/bootstrap/css/bootstrap.min.css")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
    }

    @Test
    void everyRoleSeesItsDashboard() {
        for (Role role : Role.values()) {
            assertThat(mvc.get().uri("/").with(ActorAuthentication.as(role)))
                    .hasStatusOk()
                    .bodyText()
                    .contains("id=\"dashboard\"");
        }
    }

    @Test
    void onlyAdministratorsManageAccounts() {
        assertThat(mvc.get().uri("/admin/users").with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk();
        assertThat(mvc.get().uri("/admin/agents").with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk();
        for (Role role : new Role[] {Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN}) {
            assertThat(mvc.get().uri("/admin/users").with(ActorAuthentication.as(role)))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.post()
                            .uri("/admin/agents")
                            .param("name", "Sneaky Ltd")
                            .with(csrf())
                            .with(ActorAuthentication.as(role)))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(accounts.agents()).noneMatch(a -> a.name().equals("Sneaky Ltd"));
    }

    @Test
    void anAdministratorCreatesAnApiClientAndIsLedToThePageThatShowsItsSecretOnce() {
        var answer = mvc.post()
                .uri("/admin/api-clients")
                .param("name", "Partner portal")
                .param("role", "OPS")
                .with(csrf())
                .with(ActorAuthentication.as(Role.ADMIN))
                .exchange();
        assertThat(answer).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/admin/api-clients/issued");
        assertThat(mvc.get().uri("/admin/api-clients").with(ActorAuthentication.as(Role.ADMIN)))
                .bodyText()
                .contains("Partner portal")
                .doesNotContain("id=\"client-secret\"");
    }

    @Test
    void theOpenApiDescriptionIsPublishedForThePartnerApi() {
        assertThat(mvc.get().uri("/v3/api-docs/v1"))
                .hasStatusOk()
                .bodyText()
                .contains("/api/v1/api-clients")
                .contains("IDEMPOTENCY_KEY_REUSED")
                .doesNotContain("/admin/");
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRefused() {
        assertThat(mvc.post()
                        .uri("/admin/agents")
                        .param("name", "No Token Ltd")
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(accounts.agents()).noneMatch(a -> a.name().equals("No Token Ltd"));
    }

    @Test
    void anAdministratorCreatesAnAgentOrganisationInTheBrowser() {
        assertThat(mvc.post()
                        .uri("/admin/agents")
                        .param("name", "华南物联渠道")
                        .with(csrf())
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/admin/agents");
        assertThat(accounts.agents()).anyMatch(a -> a.name().equals("华南物联渠道"));
    }

    @Test
    void aBadAccountFormShowsTheErrorsNextToTheFieldsInTheUsersLanguage() {
        assertThat(mvc.post()
                        .uri("/admin/users")
                        .param("username", "x")
                        .param("password", "long-enough-1")
                        .param("role", "AGENT")
                        .header("Accept-Language", "zh-CN")
                        .with(csrf())
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("class=\"form-control is-invalid\" type=\"text\" aria-describedby=\"username-error\"")
                .contains("长度应在 3 到 64 之间");
        assertThat(mvc.post()
                        .uri("/admin/users")
                        .param("username", "agent-without-agency")
                        .param("password", "short")
                        .param("role", "AGENT")
                        .header("Accept-Language", "en")
                        .with(csrf())
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("The password must have 10 to 128 characters.")
                .contains("Choose an active agent organisation for an AGENT account.");
        assertThat(accounts.users()).noneMatch(u -> u.username().equals("agent-without-agency"));
    }

    @Test
    void theApiAnswersProblemDetailsNotLoginPages() {
        assertThat(mvc.get().uri("/api/v1/enterprises").accept(MediaType.APPLICATION_JSON))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("UNAUTHORIZED");
    }

    @Test
    void englishIsChosenWithLangParameterAndChineseIsTheDefault() {
        assertThat(mvc.get().uri("/login")).bodyText().contains("登录");
        assertThat(mvc.get().uri("/login").header("Accept-Language", "en-US,en;q=0.9"))
                .bodyText()
                .contains("Sign in");
        assertThat(mvc.get().uri("/login").param("lang", "en")).bodyText().contains("Sign in");
    }
}
