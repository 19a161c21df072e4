package com.realsim.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.testsupport.StatementLog;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Partner API's traffic per client: counted in memory, written in one statement per flush (never one per
 * request), added up across flushes (as across instances), and read per client with the 429s, other 4xx and 5xx
 * apart. The flush interval is long here, so that only the explicit flushes write.
 */
@SpringBootTest(properties = "realsim.api.traffic.flush-every=1h")
@Import(StatementLog.Installed.class)
class ApiTrafficTest {

    @Autowired
    ApiTraffic traffic;

    @Autowired
    StatementLog statements;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void requestsAreCountedInMemoryAndWrittenInOneStatementPerFlush() {
        long client = 9_100_001L;
        long other = 9_100_002L;
        statements.clear();
        for (int i = 0; i < 50; i++) {
            traffic.count(client, 200);
        }
        traffic.count(client, 429);
        traffic.count(client, 404);
        traffic.count(client, 503);
        traffic.count(other, 201);
        assertThat(statements.onThisThread()).as("no write per request").isEmpty();

        traffic.flush();
        assertThat(statements.onThisThread())
                .singleElement()
                .satisfies(sql -> assertThat(sql).contains("INSERT INTO api_client_traffic"));

        // a second flush (another instance's, or this one's later) adds to the same hour's row
        traffic.count(client, 200);
        traffic.flush();
        assertThat(jdbc.sql("SELECT count(*) FROM api_client_traffic WHERE client_id = :c")
                        .param("c", client)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        var counts = traffic.since(clock.instant().minus(Duration.ofHours(1)));
        assertThat(counts.get(client)).isEqualTo(new ApiTraffic.Counts(54, 1, 1, 1));
        assertThat(counts.get(other)).isEqualTo(new ApiTraffic.Counts(1, 0, 0, 0));
        assertThat(counts.keySet()).as("busiest first").startsWith(client);
    }

    @Test
    void nothingCountedWritesNothing() {
        traffic.flush();
        statements.clear();
        traffic.flush();
        assertThat(statements.onThisThread()).isEmpty();
    }
}
