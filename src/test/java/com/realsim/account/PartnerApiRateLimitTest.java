package com.realsim.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.platform.Role;
import com.realsim.testsupport.PartnerApiClient;
import com.realsim.testsupport.PartnerApiClient.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Per-client rate limits with state in PostgreSQL: past the burst, 429 with Retry-After; other clients unaffected. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"realsim.api.rate-limit.per-second=1", "realsim.api.rate-limit.burst=5"})
class PartnerApiRateLimitTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiClientService clients;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClientPastItsBurstGets429WithRetryAfterAndOthersAreUnaffected() {
        IssuedCredentials busy = clients.create(new NewApiClient("busy", Role.ADMIN, null, null), null);
        IssuedCredentials calm = clients.create(new NewApiClient("calm", Role.ADMIN, null, null), null);
        PartnerApiClient api = PartnerApiClient.signedIn(port, busy.clientId(), busy.clientSecret());

        List<Integer> statuses = new ArrayList<>();
        Answer limited = null;
        for (int i = 0; i < 8; i++) {
            Answer answer = api.get("/api/v1/api-clients");
            statuses.add(answer.status());
            if (answer.status() == 429) {
                limited = answer;
            }
        }
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses).contains(429);
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 2);

        assertThat(PartnerApiClient.signedIn(port, calm.clientId(), calm.clientSecret())
                        .get("/api/v1/api-clients")
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM rate_limit_bucket WHERE id = ?")
                        .param(busy.id())
                        .query(Long.class)
                        .single())
                .as("the bucket lives in PostgreSQL, shared by every instance")
                .isEqualTo(1L);
    }
}
