package com.realsim.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.realsim.card.CardFixtures;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The webhook calls of the Partner API: who may register (clients acting for an agent or an enterprise; ADMIN and OPS
 * act for no tenant: 403), the URL rules (https; no loopback, link-local or private address unless the host is allowed —
 * the tests allow 127.0.0.1 only), the events, the secret shown once, and each client's own list and deletion (another
 * client's webhook, even of the same enterprise, answers 404 and stays).
 */
@SpringBootTest
@AutoConfigureMockMvc
class WebhookApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    MockHttpServletResponse call(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(request.with(ActorAuthentication.as(actor)))
                .andReturn()
                .getResponse();
    }

    MockHttpServletResponse register(Actor actor, String url, String events) throws Exception {
        return call(
                MockMvcRequestBuilders.post("/api/v1/webhooks")
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":" + (url == null ? "null" : "\"" + url + "\"") + ",\"events\":" + events
                                + "}"),
                actor);
    }

    static void refusedNaming(MockHttpServletResponse answer, String field, String message) throws Exception {
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(400);
        assertThat((String) JsonPath.read(answer.getContentAsString(), "$.code"))
                .isEqualTo("VALIDATION_FAILED");
        assertThat((String) JsonPath.read(answer.getContentAsString(), "$.errors[0].field"))
                .isEqualTo(field);
        assertThat((String) JsonPath.read(answer.getContentAsString(), "$.errors[0].message"))
                .contains(message);
    }

    @Test
    void theUrlRulesOfTheContract() throws Exception {
        Actor client = CardFixtures.agent(CardFixtures.newAgent());
        String events = "[\"CARD_STATE_CHANGED\"]";
        refusedNaming(register(client, "http://partner.example.com/hook", events), "url", "https");
        refusedNaming(register(client, "http://127.0.0.2/hook", events), "url", "https");
        refusedNaming(register(client, "https://127.0.0.2/hook", events), "url", "private address");
        refusedNaming(register(client, "https://localhost/hook", events), "url", "private address");
        refusedNaming(register(client, "https://10.1.2.3/hook", events), "url", "private address");
        refusedNaming(register(client, "https://192.168.0.10/hook", events), "url", "private address");
        refusedNaming(register(client, "https://172.16.5.4/hook", events), "url", "private address");
        refusedNaming(register(client, "https://169.254.169.254/latest/meta-data", events), "url", "private address");
        refusedNaming(register(client, "https://100.64.0.1/hook", events), "url", "private address");
        refusedNaming(register(client, "https://[::1]/hook", events), "url", "private address");
        refusedNaming(register(client, "https://[fd00::1]/hook", events), "url", "private address");
        refusedNaming(register(client, "https://[::ffff:10.0.0.1]/hook", events), "url", "private address");
        refusedNaming(register(client, "https://0.0.0.0/hook", events), "url", "private address");
        refusedNaming(register(client, "https://partner.invalid/hook", events), "url", "cannot be resolved");
        refusedNaming(register(client, "ftp://partner.example.com/hook", events), "url", "https");
        refusedNaming(register(client, "https://user:pw@partner.example.com/hook", events), "url", "absolute URL");
        refusedNaming(register(client, "/hook", events), "url", "absolute URL");
        refusedNaming(register(client, null, events), "url", "required");

        refusedNaming(register(client, "http://127.0.0.1:9/hook", "[]"), "events", "required");
        refusedNaming(register(client, "http://127.0.0.1:9/hook", "[\"CARD_EATEN\"]"), "events", "CARD_EATEN");

        // an allowed host (REALSIM_WEBHOOKS_ALLOWED_HOSTS=127.0.0.1 in the tests) may use http
        assertThat(register(client, "http://127.0.0.1:9/hook", events).getStatus())
                .isEqualTo(201);
    }

    @Test
    void eachClientSeesAndDeletesItsOwnWebhooksOnly() throws Exception {
        long agent = CardFixtures.newAgent();
        Actor client = CardFixtures.agent(agent);
        Actor sameAgentsOtherClient = CardFixtures.agent(agent);
        Actor otherAgent = CardFixtures.agent(CardFixtures.newAgent());

        MockHttpServletResponse created = register(
                client, "http://127.0.0.1:9/hook", "[\"CARD_STATE_CHANGED\", \"ORDER_COMPLETED\", \"ORDER_REJECTED\"]");
        assertThat(created.getStatus()).isEqualTo(201);
        long id = ((Number) JsonPath.read(created.getContentAsString(), "$.id")).longValue();
        String secret = JsonPath.read(created.getContentAsString(), "$.secret");
        assertThat(secret).matches("whsec_[0-9a-f]{64}");

        String mine =
                call(MockMvcRequestBuilders.get("/api/v1/webhooks"), client).getContentAsString();
        assertThat((List<Integer>) JsonPath.read(mine, "$.items[*].id")).containsExactly((int) id);
        assertThat((List<String>) JsonPath.read(mine, "$.items[0].events"))
                .containsExactly("CARD_STATE_CHANGED", "ORDER_COMPLETED", "ORDER_REJECTED");
        assertThat((String) JsonPath.read(mine, "$.items[0].url")).isEqualTo("http://127.0.0.1:9/hook");
        assertThat(mine).as("the secret is shown once").doesNotContain(secret).doesNotContain("secret");
        assertThat((Object) JsonPath.read(mine, "$.nextCursor")).isNull();

        for (Actor stranger : List.of(sameAgentsOtherClient, otherAgent)) {
            assertThat((List<?>) JsonPath.read(
                            call(MockMvcRequestBuilders.get("/api/v1/webhooks"), stranger)
                                    .getContentAsString(),
                            "$.items"))
                    .isEmpty();
            MockHttpServletResponse refused = call(MockMvcRequestBuilders.delete("/api/v1/webhooks/" + id), stranger);
            assertThat(refused.getStatus()).isEqualTo(404);
        }
        assertThat((List<Integer>) JsonPath.read(
                        call(MockMvcRequestBuilders.get("/api/v1/webhooks"), client)
                                .getContentAsString(),
                        "$.items[*].id"))
                .containsExactly((int) id);

        assertThat(call(MockMvcRequestBuilders.delete("/api/v1/webhooks/" + id), client)
                        .getStatus())
                .isEqualTo(204);
        assertThat(call(MockMvcRequestBuilders.delete("/api/v1/webhooks/" + id), client)
                        .getStatus())
                .isEqualTo(404);
        assertThat((List<?>) JsonPath.read(
                        call(MockMvcRequestBuilders.get("/api/v1/webhooks"), client)
                                .getContentAsString(),
                        "$.items"))
                .isEmpty();

        // registering and deleting are on the agent's trail (host and number of event types; never the secret), the
        // strangers' refused deletions are not
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> trail(id).size() == 2);
        assertThat(trail(id)).containsExactly("WEBHOOK_REGISTERED", "WEBHOOK_DELETED");
        assertThat(jdbc.sql("""
                        SELECT DISTINCT agent_id || ' ' || details::text FROM audit_entry
                        WHERE target_type = 'WEBHOOK' AND target_id = ?""").param(Long.toString(id)).query(String.class).list())
                .singleElement()
                .asString()
                .startsWith(agent + " ")
                .contains("127.0.0.1")
                .contains("3")
                .doesNotContain(secret)
                .doesNotContain("/hook");
    }

    List<String> trail(long webhookId) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE target_type = 'WEBHOOK' AND target_id = ? ORDER BY id")
                .param(Long.toString(webhookId))
                .query(String.class)
                .list();
    }

    @Test
    void onlyClientsActingForATenantRegisterWebhooks() throws Exception {
        for (Role role : List.of(Role.ADMIN, Role.OPS)) {
            Actor actor = ActorAuthentication.actor(role, null, null);
            assertThat(register(actor, "http://127.0.0.1:9/hook", "[\"CARD_STATE_CHANGED\"]")
                            .getStatus())
                    .as(role.name())
                    .isEqualTo(403);
            assertThat(call(MockMvcRequestBuilders.get("/api/v1/webhooks"), actor)
                            .getStatus())
                    .isEqualTo(403);
        }
        Actor enterpriseAdmin = CardFixtures.enterpriseAdmin(CardFixtures.newAgent() + 1_000_000);
        assertThat(register(enterpriseAdmin, "http://127.0.0.1:9/hook", "[\"RISK_ALERT_OPENED\"]")
                        .getStatus())
                .isEqualTo(201);
    }
}
