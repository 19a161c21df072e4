package com.realsim.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.realsim.card.inventory.CardImportService;
import com.realsim.card.inventory.CardImportStatus;
import com.realsim.catalogue.RealNamePolicy;
import com.realsim.catalogue.RealNameRuleView;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The card module's pages: who may open them, tenancy (404), forms and the background import. */
@SpringBootTest
@AutoConfigureMockMvc
class CardPagesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CardImportService imports;

    @Autowired
    CardService cards;

    @Autowired
    CardControl control;

    @Autowired
    ServicePlanService plans;

    @Autowired
    RealNamePolicy policy;

    @Autowired
    javax.sql.DataSource dataSource;

    CardFixtures fx;

    static final Actor AGENT_7 = ActorAuthentication.actor(Role.AGENT, 7L, null);
    static final Actor AGENT_8 = ActorAuthentication.actor(Role.AGENT, 8L, null);
    static final Actor ENTERPRISE_70 = ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, 70L);

    @BeforeEach
    void inventory() {
        fx = new CardFixtures(context);
    }

    @Test
    void eachPageOpensForItsRolesOnly() {
        record Page(String path, List<Role> allowed) {}
        List<Page> pages = List.of(
                new Page("/cards", List.of(Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN)),
                new Page("/inventory/imports", List.of(Role.OPS)),
                new Page("/admin/service-plans", List.of(Role.ADMIN)),
                new Page("/admin/operators", List.of(Role.ADMIN)),
                new Page("/admin/real-name-rules", List.of(Role.ADMIN)));
        for (Page page : pages) {
            for (Role role : Role.values()) {
                MvcTestResult result = mvc.get()
                        .uri(page.path())
                        .with(ActorAuthentication.as(role))
                        .exchange();
                assertThat(result)
                        .as(page.path() + " for " + role)
                        .hasStatus(page.allowed().contains(role) ? HttpStatus.OK : HttpStatus.FORBIDDEN);
            }
        }
        assertThat(mvc.get().uri("/cards")).hasStatus(HttpStatus.FOUND);
    }

    @Test
    void theLayoutShowsTheRolesNavigationWithTheCurrentPageMarkedAndTheSignedInActor() throws Exception {
        String ops = mvc.get()
                .uri("/cards")
                .header("Accept-Language", "en")
                .with(ActorAuthentication.as(Role.OPS))
                .exchange()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ops)
                .containsPattern("<a[^>]*href=\"/cards\"[^>]*aria-current=\"page\"")
                .contains("href=\"/inventory/imports\"")
                .doesNotContainPattern("<a[^>]*href=\"/inventory/imports\"[^>]*aria-current")
                .doesNotContain("href=\"/admin/real-name-rules\"")
                .contains("href=\"/cards?lang=zh-CN\"")
                .contains(">Operations<")
                .contains(">test-ops-");
        assertThat(mvc.get().uri("/cards").header("Accept-Language", "en").with(ActorAuthentication.as(AGENT_7)))
                .bodyText()
                .contains("href=\"/cards\"")
                .doesNotContain("href=\"/inventory/imports\"");
    }

    @Test
    void theDashboardShowsCardNumbersAndTheNavigationTheCardPages() {
        fx.enterpriseCard(7L, 70L);
        assertThat(mvc.get().uri("/").header("Accept-Language", "en").with(ActorAuthentication.as(AGENT_7)))
                .hasStatusOk()
                .bodyText()
                .contains("Awaiting activation")
                .contains("href=\"/cards?state=PENDING_ACTIVATION\"")
                .contains("href=\"/cards\"")
                .doesNotContain("href=\"/cards?state=INVENTORY\"");
        assertThat(mvc.get().uri("/").header("Accept-Language", "en").with(ActorAuthentication.as(Role.OPS)))
                .bodyText()
                .contains("In inventory")
                .contains("href=\"/cards?state=INVENTORY\"")
                .contains("href=\"/inventory/imports\"");
        assertThat(mvc.get().uri("/").header("Accept-Language", "en").with(ActorAuthentication.as(Role.ADMIN)))
                .bodyText()
                .contains("href=\"/admin/real-name-rules\"")
                .doesNotContain("id=\"cards-by-state\"");
    }

    @Test
    void anAgentSeesItsOwnCardsAndAnotherTenantsCardIsNotFound() {
        String mine = fx.enterpriseCard(7L, 70L);
        String theirs = fx.enterpriseCard(8L, 80L);
        long theirId = control.card(theirs).orElseThrow().id();
        long myId = control.card(mine).orElseThrow().id();

        assertThat(mvc.get().uri("/cards").with(ActorAuthentication.as(AGENT_7)))
                .hasStatusOk()
                .bodyText()
                .contains(mine)
                .doesNotContain(theirs);
        assertThat(mvc.get().uri("/cards/{id}", theirId).with(ActorAuthentication.as(AGENT_7)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/cards/{id}", myId).with(ActorAuthentication.as(ENTERPRISE_70)))
                .hasStatusOk()
                .bodyText()
                .contains(mine)
                .contains("DIRECTIONAL_DATA_ONLY");
        assertThat(mvc.post()
                        .uri("/cards/{id}/suspend", theirId)
                        .param("reason", "not mine")
                        .with(csrf())
                        .with(ActorAuthentication.as(AGENT_7)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(control.card(theirs).orElseThrow().state()).isEqualTo(CardState.PENDING_ACTIVATION);
    }

    @Test
    void opsSearchesByIccidOrNumberPrefixAndFiltersByState() {
        String iccid = fx.inventoryCard("149", fx.directionalDataPlan());
        CardSummary card = control.card(iccid).orElseThrow();
        assertThat(mvc.get()
                        .uri("/cards?q={q}", iccid)
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .bodyText()
                .contains(iccid)
                .doesNotContain("No cards match.");
        assertThat(mvc.get()
                        .uri("/cards?q=8986999999")
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .bodyText()
                .contains("No cards match.");
        assertThat(mvc.get().uri("/cards?q={q}", card.msisdn().substring(0, 9)).with(ActorAuthentication.as(Role.OPS)))
                .bodyText()
                .contains(iccid);
        assertThat(mvc.get().uri("/cards?q={q}&state=ACTIVE", iccid).with(ActorAuthentication.as(Role.OPS)))
                .bodyText()
                .doesNotContain(">" + iccid + "<");
        assertThat(mvc.get().uri("/cards?q=12a").header("Accept-Language", "en").with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .bodyText()
                .contains("Search with digits only");
        assertThat(mvc.get().uri("/cards").with(ActorAuthentication.as(Role.OPS)))
                .bodyText()
                .contains("data-chart=")
                .contains("/js/card.js");
    }

    @Test
    void aCustomerSuspendsAndResumesInThePageWithATypedReason() {
        CardFixtures fx = new CardFixtures(context);
        long agentId = CardFixtures.newAgent();
        long enterpriseId = fx.verifiedEnterprise(agentId);
        String iccid = fx.activeDataCard(agentId, enterpriseId);
        Actor agent = CardFixtures.agent(agentId);
        Actor enterprise = CardFixtures.enterpriseAdmin(enterpriseId);
        long id = control.card(iccid).orElseThrow().id();

        assertThat(mvc.post()
                        .uri("/cards/{id}/suspend", id)
                        .param("reason", "")
                        .with(csrf())
                        .with(ActorAuthentication.as(enterprise)))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashError", "card.action.reasonRequired");
        assertThat(mvc.post()
                        .uri("/cards/{id}/suspend", id)
                        .param("reason", "device lost")
                        .with(csrf())
                        .with(ActorAuthentication.as(enterprise)))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashSuccess", "card.suspended");
        assertThat(mvc.get()
                        .uri("/cards/{id}", id)
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(agent)))
                .bodyText()
                .contains("Stopped at the customer&#39;s request")
                .contains("The customer (agent or enterprise admin) resuming the card.")
                .contains("device lost");
        assertThat(mvc.post()
                        .uri("/cards/{id}/resume", id)
                        .param("reason", "found it")
                        .with(csrf())
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashSuccess", "card.resumed");
        assertThat(control.card(iccid).orElseThrow().state()).isEqualTo(CardState.ACTIVE);
    }

    @Test
    void cancellingACardAsksForConfirmationOnAPageOfItsOwnBeforeAnythingHappens() {
        CardFixtures fx = new CardFixtures(context);
        long agentId = CardFixtures.newAgent();
        String iccid = fx.activeDataCard(agentId, fx.verifiedEnterprise(agentId));
        Actor agent = CardFixtures.agent(agentId);
        Actor otherAgent = CardFixtures.agent(CardFixtures.newAgent());
        long id = control.card(iccid).orElseThrow().id();
        assertThat(mvc.get()
                        .uri("/cards/{id}", id)
                        .header("Accept-Language", "zh-CN")
                        .with(ActorAuthentication.as(agent)))
                .bodyText()
                .contains("id=\"cancel-form\"")
                .doesNotContain("name=\"confirmed\"");

        assertThat(mvc.post()
                        .uri("/cards/{id}/cancel", id)
                        .param("reason", "合同终止")
                        .header("Accept-Language", "zh-CN")
                        .with(csrf())
                        .with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"cancel-confirm\"")
                .contains("确认销户？")
                .contains(iccid)
                .contains("合同终止")
                .containsPattern("<input type=\"hidden\" name=\"confirmed\" value=\"true\">")
                .contains("href=\"/cards/" + id + "\"");
        assertThat(control.card(iccid).orElseThrow().state())
                .as("the first step changes nothing")
                .isEqualTo(CardState.ACTIVE);

        assertThat(mvc.post()
                        .uri("/cards/{id}/cancel", id)
                        .param("reason", "")
                        .with(csrf())
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashError", "card.action.reasonRequired");
        assertThat(mvc.post()
                        .uri("/cards/{id}/cancel", id)
                        .param("reason", "合同终止")
                        .with(csrf())
                        .with(ActorAuthentication.as(otherAgent)))
                .as("another tenant's card")
                .hasStatus(HttpStatus.NOT_FOUND);

        assertThat(mvc.post()
                        .uri("/cards/{id}/cancel", id)
                        .param("reason", "合同终止")
                        .param("confirmed", "true")
                        .with(csrf())
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashSuccess", "card.cancelled");
        assertThat(control.card(iccid).orElseThrow().state()).isEqualTo(CardState.CANCELLED);
    }

    @Test
    void opsUploadsAFileWatchesItRunAndDownloadsTheRejectedRows() throws Exception {
        String plan = fx.directionalDataPlan();
        String good = CardFixtures.iccid();
        String csv = "iccid,msisdn,imsi,operator,planCode\n"
                + CardFixtures.row(good, CardFixtures.msisdn("149"), "CHINA_MOBILE", plan) + "\n"
                + CardFixtures.row("8986000000000000001", CardFixtures.msisdn("149"), "CHINA_MOBILE", plan) + "\n"
                // a line with three problems shows each of them, not only the first
                + CardFixtures.row("8986000000000000002", "2381234567", "CHINA_MOBILE", "NO-SUCH-PLAN") + "\n";
        MvcTestResult upload = mvc.post()
                .multipart()
                .uri("/inventory/imports")
                .file(new MockMultipartFile("file", "cards.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(csrf())
                .with(ActorAuthentication.as(Role.OPS))
                .exchange();
        assertThat(upload).hasStatus(HttpStatus.FOUND);
        String location = upload.getResponse().getRedirectedUrl();
        assertThat(location).matches("/inventory/imports/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> imports.job(id).status().isDone());
        assertThat(imports.job(id).status()).isEqualTo(CardImportStatus.FINISHED);

        MvcTestResult progress = mvc.get()
                .uri(location + "/progress")
                .with(ActorAuthentication.as(Role.OPS))
                .exchange();
        assertThat(progress).hasStatusOk().hasHeader("HX-Refresh", "true");
        assertThat(progress).bodyText().doesNotContain("hx-trigger");
        assertThat(mvc.get().uri(location).header("Accept-Language", "en").with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .bodyText()
                .contains("Finished")
                .contains("INVALID_ICCID")
                .contains("8986000000000000001")
                .contains("Not a valid number: 11 digits (mobile) or 13 digits (IoT), starting with 1.")
                .contains("No service plan has this code.");
        assertThat(mvc.get().uri(location + "/rejected.csv").with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .hasContentTypeCompatibleWith("text/csv")
                .bodyText()
                .startsWith(
                        "line,code,field,iccid,msisdn,imsi,operator,planCode\r\n3,INVALID_ICCID,iccid,8986000000000000001,");
        assertThat(control.card(good)).isPresent();
        assertThat(mvc.get().uri(location + "/rejected.csv").with(ActorAuthentication.as(Role.AGENT)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aRunningImportPollsItsProgressEverySecondAndOffersARefreshLink() {
        long id = new org.springframework.jdbc.core.JdbcTemplate(dataSource)
                .queryForObject(
                        "INSERT INTO card_import (file_name, status, bytes_total, bytes_read, rows_read, started_by,"
                                + " started_by_id, heartbeat_at) VALUES ('slow.csv', 'RUNNING', 1000, 250, 1234,"
                                + " 'ops', 1, now()) RETURNING id",
                        Long.class);
        assertThat(mvc.get()
                        .uri("/inventory/imports/{id}", id)
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .bodyText()
                .contains("hx-trigger=\"every 1s\"")
                .contains("hx-get=\"/inventory/imports/" + id + "/progress\"")
                .contains("id=\"import-refresh\"")
                .contains("25%")
                .contains("1,234");
        MvcTestResult fragment = mvc.get()
                .uri("/inventory/imports/{id}/progress", id)
                .with(ActorAuthentication.as(Role.OPS))
                .exchange();
        assertThat(fragment).hasStatusOk().doesNotContainHeader("HX-Refresh");
        assertThat(fragment).bodyText().startsWith("<div").contains("every 1s").doesNotContain("<html");
    }

    @Test
    void anAdministratorCreatesAPlanChangesALimitAndEditsARule() {
        assertThat(mvc.post()
                        .uri("/admin/service-plans")
                        .param("code", "page-plan")
                        .param("name", "Page plan")
                        .param("dataDirectional", "true")
                        .param("voice", "NONE")
                        .param("sms", "DIRECTIONAL")
                        .with(csrf())
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/admin/service-plans");
        assertThat(plans.plan("PAGE-PLAN"))
                .hasValueSatisfying(p -> assertThat(p.sms()).isEqualTo(ServiceDirection.DIRECTIONAL));
        assertThat(mvc.post()
                        .uri("/admin/service-plans")
                        .param("code", "PAGE-PLAN")
                        .param("name", "again")
                        .param("voice", "NONE")
                        .param("sms", "NONE")
                        .header("Accept-Language", "en")
                        .with(csrf())
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("A plan with this code exists already.");

        assertThat(mvc.post()
                        .uri("/admin/operators/CHINA_TELECOM/quota")
                        .param("maxCardsPerId", "0")
                        .header("Accept-Language", "en")
                        .with(csrf())
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("The limit must be between 1 and 100.");
        assertThat(mvc.post()
                        .uri("/admin/operators/CHINA_TELECOM/quota")
                        .param("maxCardsPerId", "5")
                        .with(csrf())
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.post()
                        .uri("/admin/operators/CHINA_TELECOM/silent-period")
                        .param("silentPeriodDays", "0")
                        .header("Accept-Language", "en")
                        .with(csrf())
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("The silent period must be between 1 and 365 days.");
        assertThat(mvc.post()
                        .uri("/admin/operators/CHINA_TELECOM/silent-period")
                        .param("silentPeriodDays", "180")
                        .with(csrf())
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.post()
                        .uri("/admin/operators/CHINA_TELECOM/silent-period")
                        .param("silentPeriodDays", "180")
                        .with(csrf())
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.FORBIDDEN);

        RealNameRuleView rule = policy.rules().stream()
                .filter(r -> r.rule().code().equals("DEFAULT"))
                .findFirst()
                .orElseThrow();
        assertThat(mvc.get().uri("/admin/real-name-rules/{id}", rule.id()).with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("DEFAULT");
        assertThat(mvc.post()
                        .uri("/admin/real-name-rules/{id}", rule.id())
                        .param("priority", "1000")
                        .param("code", "DEFAULT")
                        .param("endUserRequired", "true")
                        .param("exceptionKind", "NONE_NEEDED")
                        .header("Accept-Language", "en")
                        .with(csrf())
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("says whether and how it can be waived");
        assertThat(mvc.post()
                        .uri("/admin/real-name-rules/{id}", rule.id())
                        .param("priority", "1000")
                        .param("code", "DEFAULT")
                        .param("endUserRequired", "true")
                        .param("exceptionKind", "PROVINCIAL_APPROVAL")
                        .with(csrf())
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.post()
                        .uri("/admin/real-name-rules/{id}", rule.id())
                        .param("priority", "1000")
                        .param("code", "DEFAULT")
                        .param("endUserRequired", "true")
                        .param("exceptionKind", "PROVINCIAL_APPROVAL")
                        .with(csrf())
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }
}
