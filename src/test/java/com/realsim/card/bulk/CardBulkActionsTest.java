package com.realsim.card.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardState;
import com.realsim.platform.Actor;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Bulk actions over the Partner API and the pages, on real cards: each ICCID gets its own outcome (done, refused with
 * a readable reason, another tenant's "not found" and never acted on), the roles that may and may not, another
 * tenant's bulk action answers 404, 10,000 ICCIDs are accepted and one more refused, and self-service links are
 * taken once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CardBulkActionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    CardFixtures fx;
    long agentA;
    long enterpriseA;
    Actor agent;

    @BeforeEach
    void world() {
        fx = new CardFixtures(context);
        agentA = CardFixtures.newAgent();
        enterpriseA = fx.verifiedEnterprise(agentA);
        agent = CardFixtures.agent(agentA);
    }

    MockHttpServletResponse call(AbstractMockHttpServletRequestBuilder<?> request, Actor actor) throws Exception {
        return mvc.perform(request.with(ActorAuthentication.as(actor)))
                .andReturn()
                .getResponse();
    }

    MockHttpServletResponse start(Actor actor, String action, List<String> iccids, String reason) throws Exception {
        String body = "{\"action\":\"" + action + "\",\"iccids\":["
                + iccids.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(","))
                + "]" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
        return call(
                MockMvcRequestBuilders.post("/api/v1/cards/bulk-actions")
                        .accept(MediaType.APPLICATION_JSON)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                actor);
    }

    long started(Actor actor, String action, List<String> iccids, String reason) throws Exception {
        MockHttpServletResponse answer = start(actor, action, iccids, reason);
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(202);
        long id = ((Number) JsonPath.read(answer.getContentAsString(), "$.id")).longValue();
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .until(() -> JsonPath.read(
                                call(MockMvcRequestBuilders.get("/api/v1/cards/bulk-actions/" + id), actor)
                                        .getContentAsString(),
                                "$.status")
                        .equals("FINISHED"));
        return id;
    }

    /** line → "OUTCOME CODE: message" of every line, read page by page through the API. */
    Map<Integer, String> results(long id, Actor actor) throws Exception {
        Map<Integer, String> lines = new LinkedHashMap<>();
        String cursor = null;
        do {
            String page = call(
                            MockMvcRequestBuilders.get("/api/v1/cards/bulk-actions/" + id + "/results")
                                    .param("size", "2")
                                    .param("cursor", cursor == null ? "" : cursor)
                                    .header("Accept-Language", "en"),
                            actor)
                    .getContentAsString();
            List<Map<String, Object>> items = JsonPath.read(page, "$.items");
            for (Map<String, Object> item : items) {
                lines.put(
                        (Integer) item.get("line"),
                        item.get("outcome") + " " + item.get("code") + ": " + item.get("message"));
            }
            cursor = JsonPath.read(page, "$.nextCursor");
        } while (cursor != null);
        return lines;
    }

    CardState state(String iccid) {
        return RunAs.run(CardFixtures.OPS, () -> fx.cards.view(iccid)).state();
    }

    @Test
    void activatingEachCardHasItsOwnOutcomeAndAnotherTenantsCardsAreNotFound() throws Exception {
        String ready = fx.enterpriseCard(agentA, enterpriseA);
        String active = fx.activeDataCard(agentA, enterpriseA);
        String needsEndUser = fx.enterpriseCard(agentA, enterpriseA, "138", fx.nonDirectionalDataPlan());
        long agentB = CardFixtures.newAgent();
        String othersCard = fx.enterpriseCard(agentB, fx.verifiedEnterprise(agentB));
        CardState othersBefore = state(othersCard);

        long id = started(
                agent,
                "ACTIVATE",
                List.of(ready, active, needsEndUser, othersCard, "8986-not-an-iccid", "", ready),
                null);

        Map<Integer, String> outcomes = results(id, agent);
        assertThat(outcomes.get(1)).isEqualTo("DONE null: Done.");
        assertThat(outcomes.get(2)).isEqualTo("REFUSED ALREADY_ACTIVE: Already active.");
        assertThat(outcomes.get(3)).startsWith("REFUSED REAL_NAME_INCOMPLETE: Real-name incomplete: ");
        assertThat(outcomes.get(4)).isEqualTo("REFUSED NOT_FOUND: Not found.");
        assertThat(outcomes.get(5)).startsWith("REFUSED INVALID_ICCID: Not an ICCID");
        assertThat(outcomes).doesNotContainKey(6); // a blank line is no card
        assertThat(outcomes.get(7)).isEqualTo("REFUSED DUPLICATE_LINE: The same ICCID as line 1.");
        assertThat(state(ready)).isEqualTo(CardState.ACTIVE);
        assertThat(state(needsEndUser)).isNotEqualTo(CardState.ACTIVE);
        assertThat(state(othersCard)).isEqualTo(othersBefore);

        String status = call(MockMvcRequestBuilders.get("/api/v1/cards/bulk-actions/" + id), agent)
                .getContentAsString();
        assertThat((Integer) JsonPath.read(status, "$.total")).isEqualTo(6);
        assertThat((Integer) JsonPath.read(status, "$.done")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(status, "$.refused")).isEqualTo(5);
        assertThat((Integer) JsonPath.read(status, "$.percent")).isEqualTo(100);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'CARD_BULK_STARTED' AND target_id = ?")
                        .param(Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void suspendingAndResumingSayWhatStillBlocksACard() throws Exception {
        String mine = fx.activeDataCard(agentA, enterpriseA);
        String alsoStoppedByOps = fx.activeDataCard(agentA, enterpriseA);
        String stillActive = fx.activeDataCard(agentA, enterpriseA);

        long suspend = started(agent, "SUSPEND", List.of(mine, alsoStoppedByOps), "客户申请停机");
        assertThat(results(suspend, agent).values()).containsOnly("DONE null: Done.");
        RunAs.run(CardFixtures.OPS, () -> fx.cards.suspend(alsoStoppedByOps, "运营停机"));
        long again = started(agent, "SUSPEND", List.of(mine), "再次");
        assertThat(results(again, agent).get(1))
                .isEqualTo("REFUSED ALREADY_SUSPENDED: Already suspended for your reason.");

        long resume = started(agent, "RESUME", List.of(mine, alsoStoppedByOps, stillActive), "客户申请复机");

        Map<Integer, String> outcomes = results(resume, agent);
        assertThat(outcomes.get(1)).isEqualTo("DONE null: Done.");
        assertThat(outcomes.get(2)).startsWith("REFUSED BLOCKED: Still suspended: blocked by ");
        assertThat(outcomes.get(3)).isEqualTo("REFUSED NOT_SUSPENDED: Not suspended: the card is active.");
        assertThat(state(mine)).isEqualTo(CardState.ACTIVE);
        assertThat(state(alsoStoppedByOps)).isEqualTo(CardState.SUSPENDED);
        // the agent's own reason was cleared all the same, as one by one: only the operator's stop remains
        assertThat(jdbc.sql("""
                        SELECT b.reason FROM card_blocking_reason b JOIN card c ON c.id = b.card_id
                         WHERE c.iccid = ? AND b.cleared_at IS NULL""").param(alsoStoppedByOps).query(String.class).list())
                .containsExactly("OPS_ACTION");
    }

    @Test
    void theRolesThatMayAndMayNot() throws Exception {
        String card = fx.enterpriseCard(agentA, enterpriseA);
        assertThat(start(CardFixtures.ADMIN, "ACTIVATE", List.of(card), null).getStatus())
                .isEqualTo(403);
        assertThat(start(CardFixtures.OPS, "SELF_SERVICE_LINK", List.of(card), null)
                        .getStatus())
                .isEqualTo(403);
        MockHttpServletResponse noReason = start(agent, "SUSPEND", List.of(card), null);
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(noReason.getContentAsString()).contains("\"field\":\"reason\"");
        MockHttpServletResponse none = start(agent, "ACTIVATE", List.of(), null);
        assertThat(none.getStatus()).isEqualTo(400);
        assertThat(none.getContentAsString()).contains("\"field\":\"iccids\"");
        assertThat(start(CardFixtures.OPS, "ACTIVATE", List.of(card), null).getStatus())
                .isEqualTo(202);
        assertThat(start(CardFixtures.enterpriseAdmin(enterpriseA), "ACTIVATE", List.of(card), null)
                        .getStatus())
                .isEqualTo(202);
    }

    @Test
    void anotherTenantsBulkActionIsNotFound() throws Exception {
        String card = fx.enterpriseCard(agentA, enterpriseA);
        long id = started(CardFixtures.enterpriseAdmin(enterpriseA), "ACTIVATE", List.of(card), null);
        long agentB = CardFixtures.newAgent();
        Actor otherAgent = CardFixtures.agent(agentB);
        Actor otherEnterprise = CardFixtures.enterpriseAdmin(fx.verifiedEnterprise(agentB));
        for (Actor intruder : List.of(otherAgent, otherEnterprise)) {
            assertThat(call(MockMvcRequestBuilders.get("/api/v1/cards/bulk-actions/" + id), intruder)
                            .getStatus())
                    .isEqualTo(404);
            assertThat(call(MockMvcRequestBuilders.get("/api/v1/cards/bulk-actions/" + id + "/results"), intruder)
                            .getStatus())
                    .isEqualTo(404);
            assertThat(call(MockMvcRequestBuilders.post("/api/v1/cards/bulk-actions/" + id + "/links"), intruder)
                            .getStatus())
                    .isEqualTo(404);
            assertThat(call(MockMvcRequestBuilders.get("/cards/bulk/" + id), intruder)
                            .getStatus())
                    .isEqualTo(404);
            assertThat(call(MockMvcRequestBuilders.get("/cards/bulk/" + id + "/results.csv"), intruder)
                            .getStatus())
                    .isEqualTo(404);
        }
        // the enterprise's agent reads it, as it reads the enterprise's other records
        assertThat(call(MockMvcRequestBuilders.get("/api/v1/cards/bulk-actions/" + id), agent)
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void tenThousandIccidsAreAcceptedAndOneMoreIsRefused() throws Exception {
        List<String> iccids = new ArrayList<>();
        IntStream.range(0, CardBulkActions.MAX_CARDS).forEach(i -> iccids.add(CardFixtures.iccid()));
        long id = started(agent, "ACTIVATE", iccids, null);
        String status = call(MockMvcRequestBuilders.get("/api/v1/cards/bulk-actions/" + id), agent)
                .getContentAsString();
        assertThat((Integer) JsonPath.read(status, "$.total")).isEqualTo(10_000);
        assertThat((Integer) JsonPath.read(status, "$.refused")).isEqualTo(10_000); // none is the agent's card

        iccids.add(CardFixtures.iccid());
        MockHttpServletResponse tooMany = start(agent, "ACTIVATE", iccids, null);
        assertThat(tooMany.getStatus()).isEqualTo(400);
        assertThat(tooMany.getContentAsString())
                .contains("\"field\":\"iccids\"")
                .contains("10,000");
    }

    @Test
    void selfServiceLinksAreTakenOnceAsCsvAndTheirTakingIsAudited() throws Exception {
        String withCustomer = fx.enterpriseCard(agentA, enterpriseA, "138", fx.nonDirectionalDataPlan());
        long agentB = CardFixtures.newAgent();
        String othersCard = fx.enterpriseCard(agentB, fx.verifiedEnterprise(agentB));
        long id = started(agent, "SELF_SERVICE_LINK", List.of(withCustomer, othersCard), null);
        assertThat(results(id, agent))
                .containsEntry(1, "DONE null: Done.")
                .containsEntry(2, "REFUSED NOT_FOUND: Not found.");
        assertThat(jdbc.sql("SELECT count(*) FROM card_bulk_item WHERE bulk_id = ? AND link IS NOT NULL")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        MockHttpServletResponse csv = call(
                MockMvcRequestBuilders.post("/cards/bulk/" + id + "/links")
                        .param("format", "csv")
                        .with(csrf()),
                agent);
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentAsString())
                .startsWith("line,iccid,url,expiresAt")
                .contains("1," + withCustomer + ",http")
                .contains("/s/")
                .doesNotContain(othersCard);
        assertThat(jdbc.sql("SELECT count(*) FROM card_bulk_item WHERE bulk_id = ? AND link IS NOT NULL")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(call(MockMvcRequestBuilders.post("/api/v1/cards/bulk-actions/" + id + "/links"), agent)
                        .getStatus())
                .isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'CARD_BULK_LINKS_TAKEN' AND target_id = ?")
                        .param(Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the same as a printable sheet: one QR code per card that got a link
        long again = started(agent, "SELF_SERVICE_LINK", List.of(withCustomer, othersCard), null);
        MockHttpServletResponse sheet = call(
                MockMvcRequestBuilders.post("/cards/bulk/" + again + "/links")
                        .param("format", "qr")
                        .header("Accept-Language", "en")
                        .with(csrf()),
                agent);
        assertThat(sheet.getStatus()).isEqualTo(200);
        assertThat(sheet.getContentAsString().split("src=\"data:image/png;base64,", -1))
                .hasSize(2);
        assertThat(sheet.getContentAsString()).contains(withCustomer).doesNotContain(othersCard);
        MockHttpServletResponse secondSheet = call(
                MockMvcRequestBuilders.post("/cards/bulk/" + again + "/links")
                        .param("format", "qr")
                        .with(csrf()),
                agent);
        assertThat(secondSheet.getStatus()).isEqualTo(302);
        assertThat(secondSheet.getContentAsString()).doesNotContain("data:image/png");
    }

    @Test
    void theCardListStartsAnActionOnTheTickedCardsAndItsPageShowsEachOutcome() throws Exception {
        String ready = fx.enterpriseCard(agentA, enterpriseA);
        String active = fx.activeDataCard(agentA, enterpriseA);
        MockHttpServletResponse list = call(MockMvcRequestBuilders.get("/cards"), agent);
        assertThat(list.getContentAsString()).contains("id=\"card-bulk\"").contains("value=\"" + ready + "\"");

        MockHttpServletResponse started = call(
                MockMvcRequestBuilders.post("/cards/bulk")
                        .param("action", "ACTIVATE")
                        .param("iccid", ready, active)
                        .with(csrf()),
                agent);
        assertThat(started.getStatus()).isEqualTo(302);
        String page = started.getRedirectedUrl();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> call(MockMvcRequestBuilders.get(page), agent)
                        .getContentAsString()
                        .contains("id=\"outcomes\""));
        String shown = call(MockMvcRequestBuilders.get(page).header("Accept-Language", "en"), agent)
                .getContentAsString();
        assertThat(shown)
                .contains(ready)
                .contains(active)
                .contains("Already active.")
                .contains("Done.");
        String csv = call(MockMvcRequestBuilders.get(page + "/results.csv").header("Accept-Language", "en"), agent)
                .getContentAsString();
        assertThat(csv.lines().toList())
                .containsExactly(
                        "line,iccid,outcome,code,message",
                        "1," + ready + ",DONE,,Done.",
                        "2," + active + ",REFUSED,ALREADY_ACTIVE,Already active.");
    }

    @Test
    void anUploadedListRefusesItsBadLinesOneByOneWithTheirLineNumbers() throws Exception {
        String ready = fx.enterpriseCard(agentA, enterpriseA);
        byte[] file = ("iccid\n" + ready + ",note\nnot-an-iccid\n\n" + ready + "\n").getBytes(StandardCharsets.UTF_8);
        MockHttpServletResponse started = call(
                MockMvcRequestBuilders.multipart("/cards/bulk")
                        .file(new MockMultipartFile("file", "cards.csv", "text/csv", file))
                        .param("action", "ACTIVATE")
                        .with(csrf()),
                agent);
        assertThat(started.getStatus()).isEqualTo(302);
        String page = started.getRedirectedUrl();
        assertThat(page).matches("/cards/bulk/\\d+");
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> RunAs.run(
                                agent,
                                () -> context.getBean(CardBulkActions.class).find(id))
                        .ended());
        assertThat(results(id, agent))
                .containsExactly(
                        java.util.Map.entry(2, "DONE null: Done."),
                        java.util.Map.entry(
                                3,
                                "REFUSED INVALID_ICCID: Not an ICCID (19 or 20 digits whose last is the check digit)."),
                        java.util.Map.entry(5, "REFUSED DUPLICATE_LINE: The same ICCID as line 2."));

        var empty = mvc.perform(MockMvcRequestBuilders.multipart("/cards/bulk")
                        .file(new MockMultipartFile(
                                "file", "empty.csv", "text/csv", "iccid\n".getBytes(StandardCharsets.UTF_8)))
                        .param("action", "ACTIVATE")
                        .with(csrf())
                        .with(ActorAuthentication.as(agent)))
                .andReturn();
        assertThat(empty.getResponse().getRedirectedUrl()).isEqualTo("/cards/bulk");
        assertThat(empty.getFlashMap().get("flashError")).isEqualTo("card.bulk.none");
    }
}
