package com.realsim.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.platform.Role;
import com.realsim.testsupport.PartnerApiClient;
import com.realsim.testsupport.StatementLog;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The per-client rate limit does not write to PostgreSQL on every request: an instance serves a client from its copy of
 * the bucket and writes the bucket after {@code realsim.api.rate-limit.sync-every-tokens} (20) tokens or {@code
 * sync-every} (200 ms). Counted with datasource-proxy ({@link StatementLog}): every statement that names the bucket's
 * table, on any thread, over real HTTP with a bearer token.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"realsim.api.rate-limit.per-second=1000", "realsim.api.rate-limit.burst=1000"})
@Import(StatementLog.Installed.class)
class RateLimitWritesTest {

    static final int REQUESTS = 200;
    static final int SYNC_EVERY_TOKENS = 20;
    static final long SYNC_EVERY_MILLIS = 200;

    @LocalServerPort
    int port;

    @Autowired
    ApiClientService clients;

    @Autowired
    StatementLog statements;

    @Test
    void aClientsRequestsWriteItsBucketOncePerSyncNotOncePerRequest() {
        IssuedCredentials credentials = clients.create(new NewApiClient("steady", Role.ADMIN, null, null), null);
        PartnerApiClient api = PartnerApiClient.signedIn(port, credentials.clientId(), credentials.clientSecret());
        assertThat(api.get("/api/v1/api-clients").status()).isEqualTo(200);

        statements.clear();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            assertThat(api.get("/api/v1/api-clients").status()).isEqualTo(200);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        List<StatementLog.Sent> writes = statements.matching(sent -> {
            String sql = sent.sql().strip().toLowerCase(Locale.ROOT);
            return sql.contains("rate_limit_bucket") && (sql.startsWith("update") || sql.startsWith("insert"));
        });
        long syncs = REQUESTS / SYNC_EVERY_TOKENS + millis / SYNC_EVERY_MILLIS + 1;
        assertThat(writes)
                .as("writes of the bucket for %d requests in %d ms", REQUESTS, millis)
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo((int) syncs)
                .hasSizeLessThan(REQUESTS / 2);
    }
}
