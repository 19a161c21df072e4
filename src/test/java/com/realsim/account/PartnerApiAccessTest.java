package com.realsim.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realsim.platform.Role;
import com.realsim.testsupport.PartnerApiClient;
import com.realsim.testsupport.PartnerApiClient.Answer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OAuth 2.0 client credentials end to end over real HTTP: the bootstrap client gets a token, creates an agent and
 * clients; tokens of other roles are refused where their role may not go; disabled and rotated clients' tokens stop.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "app.bootstrap.admin-client-id=bootstrap-admin",
            "app.bootstrap.admin-client-secret=bootstrap-secret-0123456789"
        })
class PartnerApiAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiClientService clients;

    @Autowired
    JdbcClient jdbc;

    PartnerApiClient admin() {
        return PartnerApiClient.signedIn(port, "bootstrap-admin", "bootstrap-secret-0123456789");
    }

    @Test
    void theBootstrapClientGetsAnExpiringBearerToken() {
        Answer token = new PartnerApiClient(port).requestToken("bootstrap-admin", "bootstrap-secret-0123456789");
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.json().get("expires_in").asLong()).isBetween(60L, 1800L);
    }

    @Test
    void wrongCredentialsGetNoToken() {
        assertThat(new PartnerApiClient(port)
                        .requestToken("bootstrap-admin", "wrong")
                        .status())
                .isEqualTo(401);
        assertThat(new PartnerApiClient(port).requestToken("nobody", "x").status())
                .isEqualTo(401);
    }

    @Test
    void aMissingOrForgedTokenAnswers401AsAProblem() {
        Answer none = new PartnerApiClient(port).get("/api/v1/api-clients");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.code()).isEqualTo("UNAUTHORIZED");
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");

        String forged = admin().token();
        forged = forged.substring(0, forged.length() - 4) + "AAAA";
        assertThat(new PartnerApiClient(port)
                        .withToken(forged)
                        .get("/api/v1/api-clients")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theAdministrationListsArePagedNewestFirstAfterTheCursor() {
        PartnerApiClient admin = admin();
        long[] ids = new long[3];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = admin.post("/api/v1/agents", Map.of("name", "Paged Agent " + i + " " + System.nanoTime()))
                    .json()
                    .get("id")
                    .asLong();
        }

        Answer first = admin.get("/api/v1/agents?size=2");
        assertThat(first.json().get("items").get(0).get("id").asLong()).isEqualTo(ids[2]);
        assertThat(first.json().get("items").get(1).get("id").asLong()).isEqualTo(ids[1]);
        String cursor = first.json().get("nextCursor").asString();
        assertThat(cursor).isNotBlank();

        Answer next = admin.get("/api/v1/agents?size=2&cursor=" + cursor);
        assertThat(next.json().get("items").get(0).get("id").asLong()).isEqualTo(ids[0]);
    }

    @Test
    void anAdministratorClientCreatesAgentsAndClientsAndTheSecretIsShownOnce() {
        PartnerApiClient admin = admin();
        Answer agent = admin.post("/api/v1/agents", Map.of("name", "API Channel Ltd"));
        assertThat(agent.status()).isEqualTo(201);
        long agentId = agent.json().get("id").asLong();

        Answer created = admin.post(
                "/api/v1/api-clients", Map.of("name", "Channel platform", "role", "AGENT", "agentId", agentId));
        assertThat(created.status()).isEqualTo(201);
        String clientId = created.json().get("clientId").asString();
        String secret = created.json().get("clientSecret").asString();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);

        Answer list = admin.get("/api/v1/api-clients");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(clientId).doesNotContain(secret).doesNotContain("secretHash");

        PartnerApiClient agentClient = PartnerApiClient.signedIn(port, clientId, secret);
        Answer refused = agentClient.post("/api/v1/agents", Map.of("name", "Not allowed Ltd"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void fieldErrorsNameTheFieldAndTheRule() {
        Answer answer = admin().post("/api/v1/users", Map.of("username", "someone", "password", "x", "role", "AGENT"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.body()).contains("\"field\":\"password\"").contains("\"field\":\"agentId\"");
        assertThat(answer.json().get("errors").size()).isEqualTo(2);
    }

    @Test
    void aDisabledClientsTokensStopWorkingAtOnce() {
        IssuedCredentials issued = clients.create(new NewApiClient("ops tool", Role.OPS, null, null), null);
        PartnerApiClient ops = PartnerApiClient.signedIn(port, issued.clientId(), issued.clientSecret());
        assertThat(ops.get("/api/v1/no-such-resource").status()).isEqualTo(404);

        clients.disable(issued.id(), null);

        assertThat(ops.get("/api/v1/no-such-resource").status()).isEqualTo(401);
        assertThat(new PartnerApiClient(port)
                        .requestToken(issued.clientId(), issued.clientSecret())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aClientDisabledElsewhereStopsWithinTheClientCheckTime() {
        IssuedCredentials issued = clients.create(new NewApiClient("other instance", Role.OPS, null, null), null);
        PartnerApiClient ops = PartnerApiClient.signedIn(port, issued.clientId(), issued.clientSecret());
        assertThat(ops.get("/api/v1/no-such-resource").status()).isEqualTo(404);

        // What another application instance's disable looks like here: the row changes, no local transaction ends.
        jdbc.sql("UPDATE api_client SET enabled = false WHERE client_id = ?")
                .param(issued.clientId())
                .update();

        // realsim.api.client-check-ttl is 1 s.
        await().atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ops.get("/api/v1/no-such-resource").status() == 401);
    }

    @Test
    void rotatingASecretStopsTheOldSecretAndItsTokens() {
        IssuedCredentials issued = clients.create(new NewApiClient("rotating", Role.ADMIN, null, null), null);
        PartnerApiClient before = PartnerApiClient.signedIn(port, issued.clientId(), issued.clientSecret());
        assertThat(before.get("/api/v1/api-clients").status()).isEqualTo(200);

        IssuedCredentials rotated = clients.rotate(issued.id(), null);

        assertThat(before.get("/api/v1/api-clients").status()).isEqualTo(401);
        assertThat(new PartnerApiClient(port)
                        .requestToken(issued.clientId(), issued.clientSecret())
                        .status())
                .isEqualTo(401);
        PartnerApiClient after = PartnerApiClient.signedIn(port, rotated.clientId(), rotated.clientSecret());
        assertThat(after.get("/api/v1/api-clients").status()).isEqualTo(200);
    }

    @Test
    void aRepeatedPostWithTheSameIdempotencyKeyHasOneEffectAndTheSameAnswer() {
        PartnerApiClient admin = admin();
        Map<String, String> key = Map.of("Idempotency-Key", "agent-create-0001");
        Answer first = admin.post("/api/v1/agents", Map.of("name", "Idempotent Ltd"), key);
        Answer second = admin.post("/api/v1/agents", Map.of("name", "Idempotent Ltd"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));

        Answer different = admin.post("/api/v1/agents", Map.of("name", "Another Ltd"), key);
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        Answer withoutKey = admin.post("/api/v1/agents", Map.of("name", "Idempotent Ltd"));
        assertThat(withoutKey.status()).isEqualTo(400);
        assertThat(withoutKey.body()).contains("\"code\":\"DUPLICATE\"");
    }

    @Test
    void idempotencyKeysBelongToOneClient() {
        IssuedCredentials other = clients.create(new NewApiClient("second admin", Role.ADMIN, null, null), null);
        Map<String, String> key = Map.of("Idempotency-Key", "shared-key");
        assertThat(admin().post("/api/v1/agents", Map.of("name", "First Key Ltd"), key)
                        .status())
                .isEqualTo(201);
        assertThat(PartnerApiClient.signedIn(port, other.clientId(), other.clientSecret())
                        .post("/api/v1/agents", Map.of("name", "Second Key Ltd"), key)
                        .status())
                .isEqualTo(201);
    }
}
