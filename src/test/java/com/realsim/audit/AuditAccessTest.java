package com.realsim.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent.AuditFacts;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who reads what of the trail, on the page and through the API: OPS and ADMIN everything, an agent its own
 * organisation's entries, an enterprise admin its enterprise's; filters, pagination, and verification for ADMIN only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditAccessTest {

    /** Tenant ids of this test's own, far from those other tests create. */
    static final AtomicLong tenants = new AtomicLong(900_000);

    @Autowired
    AuditTrail trail;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JsonMapper json;

    /** Entries of two agents and one enterprise of the first agent, under one action code of this test's own. */
    record Fixture(String action, long agentA, long agentB, long enterprise, List<AuditEntry> entries) {}

    Fixture fixture() {
        String action = "ACCESS_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        long agentA = tenants.incrementAndGet();
        long agentB = tenants.incrementAndGet();
        long enterprise = tenants.incrementAndGet();
        List<AuditEntry> entries = new ArrayList<>();
        entries.add(trail.append(facts(action, agentA, null, "ENTERPRISE", "A-own")));
        entries.add(trail.append(facts(action, agentA, enterprise, "CARD", "A-enterprise-card")));
        entries.add(trail.append(facts(action, agentB, null, "ENTERPRISE", "B-own")));
        entries.add(trail.append(facts(action, null, null, "USER", "platform-user")));
        return new Fixture(action, agentA, agentB, enterprise, entries);
    }

    static AuditFacts facts(String action, Long agentId, Long enterpriseId, String targetType, String targetId) {
        return new AuditFacts(
                "ops-" + targetId,
                Role.OPS,
                agentId,
                enterpriseId,
                action,
                targetType,
                targetId,
                "SUCCESS",
                Map.of("before", "张*三", "after", "李*四"));
    }

    JsonNode body(MvcTestResult result) {
        assertThat(result.getResponse().getStatus()).as(() -> text(result)).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    static String text(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    List<String> targetIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("targetId").asText()));
        return ids;
    }

    MvcTestResult api(Actor actor, String query) {
        return mvc.get()
                .uri("/api/v1/audit?" + query)
                .accept(MediaType.APPLICATION_JSON)
                .with(ActorAuthentication.as(actor))
                .exchange();
    }

    @Test
    void opsAndAdminSeeEveryTenantsEntriesThroughTheApiNewestFirst() {
        Fixture f = fixture();
        for (Role role : new Role[] {Role.OPS, Role.ADMIN}) {
            JsonNode page = body(api(ActorAuthentication.actor(role, null, null), "action=" + f.action()));
            assertThat(targetIds(page)).containsExactly("platform-user", "B-own", "A-enterprise-card", "A-own");
            assertThat(page.get("nextCursor").isNull()).isTrue();
        }
    }

    @Test
    void theApiAnswersTheContractsFields() {
        Fixture f = fixture();
        JsonNode item = body(api(
                        ActorAuthentication.actor(Role.OPS, null, null), "action=" + f.action() + "&targetType=CARD"))
                .get("items")
                .get(0);

        assertThat(item.propertyNames())
                .containsExactly(
                        "id",
                        "at",
                        "occurredAt",
                        "actor",
                        "role",
                        "tenant",
                        "action",
                        "targetType",
                        "targetId",
                        "outcome",
                        "details");
        AuditEntry card = f.entries().get(1);
        assertThat(item.get("id").asLong()).isEqualTo(card.id());
        assertThat(item.get("at").asText()).isEqualTo(card.at().toString());
        assertThat(item.get("occurredAt").asText()).isEqualTo(card.occurredAt().toString());
        assertThat(item.get("actor").asText()).isEqualTo("ops-A-enterprise-card");
        assertThat(item.get("role").asText()).isEqualTo("OPS");
        assertThat(item.get("tenant").get("agentId").asLong()).isEqualTo(f.agentA());
        assertThat(item.get("tenant").get("enterpriseId").asLong()).isEqualTo(f.enterprise());
        assertThat(item.get("targetType").asText()).isEqualTo("CARD");
        assertThat(item.get("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(item.get("details").get("before").asText()).isEqualTo("张*三");
    }

    @Test
    void anAgentSeesOnlyItsOwnOrganisationsEntries() {
        Fixture f = fixture();
        Actor agentA = ActorAuthentication.actor(Role.AGENT, f.agentA(), null);
        Actor agentB = ActorAuthentication.actor(Role.AGENT, f.agentB(), null);

        assertThat(targetIds(body(api(agentA, "action=" + f.action())))).containsExactly("A-enterprise-card", "A-own");
        assertThat(targetIds(body(api(agentB, "action=" + f.action())))).containsExactly("B-own");
        assertThat(targetIds(body(api(agentB, "action=" + f.action() + "&targetId=A-own"))))
                .isEmpty();

        assertThat(mvc.get().uri("/audit").param("action", f.action()).with(ActorAuthentication.as(agentA)))
                .hasStatusOk()
                .bodyText()
                .contains("A-own", "A-enterprise-card")
                .doesNotContain("B-own")
                .doesNotContain("platform-user");
    }

    @Test
    void anEnterpriseAdminSeesOnlyItsEnterprisesEntries() {
        Fixture f = fixture();
        Actor enterpriseAdmin = ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, f.enterprise());
        Actor otherEnterprise = ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, tenants.incrementAndGet());

        assertThat(targetIds(body(api(enterpriseAdmin, "action=" + f.action()))))
                .containsExactly("A-enterprise-card");
        assertThat(targetIds(body(api(otherEnterprise, "action=" + f.action()))))
                .isEmpty();

        assertThat(mvc.get().uri("/audit").param("action", f.action()).with(ActorAuthentication.as(enterpriseAdmin)))
                .hasStatusOk()
                .bodyText()
                .contains("A-enterprise-card")
                .doesNotContain("A-own")
                .doesNotContain("B-own");
    }

    @Test
    void filtersNarrowTheList() {
        Fixture f = fixture();
        Actor ops = ActorAuthentication.actor(Role.OPS, null, null);
        String a = "action=" + f.action().toLowerCase();

        assertThat(targetIds(body(api(ops, a + "&targetType=enterprise")))).containsExactly("B-own", "A-own");
        assertThat(targetIds(body(api(ops, a + "&targetType=ENTERPRISE&targetId=A-own"))))
                .containsExactly("A-own");
        assertThat(targetIds(body(api(ops, a + "&actor=ops-B-own")))).containsExactly("B-own");
        AuditEntry third = f.entries().get(2);
        assertThat(targetIds(body(api(ops, a + "&from=" + third.at())))).containsExactly("platform-user", "B-own");
        assertThat(targetIds(body(api(ops, a + "&to=" + third.at())))).containsExactly("A-enterprise-card", "A-own");
        assertThat(targetIds(body(api(ops, "targetId=A-own&actor=nobody-at-all"))))
                .isEmpty();
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        Actor ops = ActorAuthentication.actor(Role.OPS, null, null);
        String action = "PAGED_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        List<Long> appended = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            appended.add(trail.append(facts(action, null, null, "ORDER", "order-" + i))
                    .id());
        }

        List<Long> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page =
                    body(api(ops, "action=" + action + "&size=3" + (cursor == null ? "" : "&cursor=" + cursor)));
            sizes.add(page.get("items").size());
            page.get("items").forEach(item -> seen.add(item.get("id").asLong()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);

        assertThat(sizes).containsExactly(3, 3, 1);
        Collections.reverse(appended);
        assertThat(seen).isEqualTo(appended);
    }

    @Test
    void wrongFiltersAnswerFieldErrors() {
        Actor ops = ActorAuthentication.actor(Role.OPS, null, null);
        for (String query : new String[] {"targetType=SPACESHIP", "cursor=not-a-cursor!", "size=0", "from=yesterday"}) {
            assertThat(api(ops, query))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("VALIDATION_FAILED");
        }
        assertThat(api(ops, "targetType=SPACESHIP"))
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("targetType");
    }

    @Test
    void onlyAdminMayVerifyTheChainThroughTheApi() {
        assertThat(mvc.get().uri("/api/v1/audit/verify").with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk()
                .bodyJson()
                .satisfies(body -> {
                    assertThat(body).extractingPath("$.ok").isEqualTo(true);
                    assertThat(body).extractingPath("$.firstBroken").isNull();
                    assertThat(body)
                            .extractingPath("$.checked")
                            .asNumber()
                            .satisfies(n -> assertThat(n.longValue()).isPositive());
                });
        for (Role role : new Role[] {Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN}) {
            assertThat(mvc.get().uri("/api/v1/audit/verify").with(ActorAuthentication.as(role)))
                    .hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void theApiNeedsAnAuthenticatedCaller() {
        assertThat(mvc.get().uri("/api/v1/audit").accept(MediaType.APPLICATION_JSON))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void everyRoleOpensTheAuditPageFromItsNavigation() {
        fixture();
        for (Role role : Role.values()) {
            assertThat(mvc.get()
                            .uri("/audit")
                            .with(ActorAuthentication.as(role))
                            .header("Accept-Language", "en"))
                    .hasStatusOk()
                    .bodyText()
                    .contains("id=\"audit-filter\"")
                    .contains("href=\"/audit\"");
        }
        assertThat(mvc.get()
                        .uri("/audit")
                        .with(ActorAuthentication.as(Role.OPS))
                        .header("Accept-Language", "en"))
                .bodyText()
                .contains("id=\"audit-entries\"")
                .contains("Before")
                .doesNotContain("No entries match.")
                .doesNotContain("id=\"verify-chain\"");
        assertThat(mvc.get()
                        .uri("/audit")
                        .param("actor", "nobody-at-all")
                        .with(ActorAuthentication.as(Role.OPS))
                        .header("Accept-Language", "en"))
                .bodyText()
                .contains("No entries match.")
                .doesNotContain("id=\"audit-entries\"");
        assertThat(mvc.get().uri("/audit").with(ActorAuthentication.as(Role.ADMIN)))
                .bodyText()
                .contains("id=\"verify-chain\"");
    }

    @Test
    void theAuditPageLinksToTheNextPageKeepingTheFilters() throws Exception {
        Actor ops = ActorAuthentication.actor(Role.OPS, null, null);
        String action = "PAGEDWEB_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        for (int i = 0; i < 52; i++) {
            trail.append(facts(action, null, null, "ORDER", "web-order-" + i));
        }

        String first = mvc.get()
                .uri("/audit")
                .param("action", action)
                .with(ActorAuthentication.as(ops))
                .exchange()
                .getResponse()
                .getContentAsString();
        assertThat(first)
                .contains("web-order-51")
                .doesNotContain("web-order-1<")
                .contains("id=\"next-page\"");
        Matcher link = Pattern.compile("href=\"([^\"]*)\"[^>]*id=\"next-page\"").matcher(first);
        assertThat(link.find()).isTrue();
        String href = link.group(1).replace("&amp;", "&");
        assertThat(href).startsWith("/audit?").contains("action=" + action).contains("cursor=");

        assertThat(mvc.get().uri(href).with(ActorAuthentication.as(ops)))
                .hasStatusOk()
                .bodyText()
                .contains("web-order-1<")
                .contains("web-order-0<")
                .doesNotContain("web-order-51")
                .doesNotContain("id=\"next-page\"");
    }

    @Test
    void thePageShowsWhenTheEventHappenedAndWhenItWasRecordedInBeijingTime() throws Exception {
        String action = "TIMED_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        Instant happened = Instant.parse("2026-07-01T16:30:05.250Z"); // 00:30:05 on 2 July in Beijing
        AuditEntry late = trail.append(facts(action, null, null, "USER", "recorded-late"), happened);
        AuditEntry now = trail.append(facts(action, null, null, "USER", "recorded-now"));

        String html = mvc.get()
                .uri("/audit")
                .param("action", action)
                .header("Accept-Language", "en")
                .with(ActorAuthentication.as(Role.OPS))
                .exchange()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        DateTimeFormatter beijing =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

        org.jsoup.nodes.Element lateRow = page.selectFirst("tr[data-entry-id=" + late.id() + "]");
        assertThat(lateRow.selectFirst(".audit-occurred").text()).isEqualTo("2026-07-02 00:30:05");
        assertThat(lateRow.selectFirst(".audit-recorded").text()).isEqualTo("recorded " + beijing.format(late.at()));
        org.jsoup.nodes.Element nowRow = page.selectFirst("tr[data-entry-id=" + now.id() + "]");
        assertThat(nowRow.selectFirst(".audit-occurred").text()).isEqualTo(beijing.format(now.occurredAt()));
        assertThat(nowRow.selectFirst(".audit-recorded"))
                .as("recorded in the same second it happened: one time")
                .isNull();
        assertThat(page.select("thead th").first().text()).isEqualTo("Occurred");
    }

    @Test
    void adminVerifiesTheChainOnThePageAndOthersMayNot() {
        assertThat(mvc.get().uri("/audit/verify").with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"verification\"")
                .contains("data-ok=\"true\"");
        for (Role role : new Role[] {Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN}) {
            assertThat(mvc.get().uri("/audit/verify").with(ActorAuthentication.as(role)))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void theDashboardCountsTheLastDaysEntriesForAdminOnly() {
        // the audit chain's panel is ADMIN's (docs/dashboards.md); OPS' dashboard is its queues and decisions
        fixture();
        assertThat(mvc.get().uri("/").with(ActorAuthentication.as(Role.ADMIN)).header("Accept-Language", "en"))
                .bodyText()
                .contains("Audit entries in the last 24 hours");
        for (Role role : new Role[] {Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN}) {
            assertThat(mvc.get().uri("/").with(ActorAuthentication.as(role)).header("Accept-Language", "en"))
                    .bodyText()
                    .doesNotContain("Audit entries in the last 24 hours");
        }
    }

    @Test
    void aWrongFilterOnThePageShowsNextToItsField() {
        assertThat(mvc.get()
                        .uri("/audit")
                        .param("from", "2026-05-02")
                        .param("to", "2026-05-01")
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .bodyText()
                .contains("The end must be after the start.");
    }
}
