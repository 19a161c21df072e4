package com.realsim.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.platform.Role;
import com.realsim.testsupport.PartnerApiClient;
import com.realsim.testsupport.PartnerApiClient.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    /**
     * A new client's first requests arrive together (a partner's worker pool starting): each gets its answer (200 or
     * 429), never a 500 because the client's bucket does not exist yet in PostgreSQL.
     */
    @Test
    void aNewClientsFirstConcurrentBurstIsAnsweredNotFailed() throws Exception {
        IssuedCredentials fresh = clients.create(new NewApiClient("burst", Role.ADMIN, null, null), null);
        PartnerApiClient api = PartnerApiClient.signedIn(port, fresh.clientId(), fresh.clientSecret());
        int requests = 32;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.get("/api/v1/api-clients").status();
                }));
            }
            long started = System.nanoTime();
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(200, 429);
            long refilled = 1 + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertThat(statuses.stream().filter(status -> status == 200).count())
                    .as("the burst of 5 is served, plus one token per second since")
                    .isBetween(5L, 5L + refilled);
        } finally {
            pool.shutdownNow();
        }
    }
}
