package com.realsim.enterprise;

import static com.realsim.enterprise.EnterpriseFixtures.agent;
import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.FreshNumbers;
import com.realsim.testsupport.RunAs;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two agents register the same USCC at the same instant: both pass the look-up before saving (neither sees the
 * other's uncommitted record), so the database's unique index decides. The second waits until the first commits (on
 * the code's lock of the bar check), then its insert breaks the index, which answers 409
 * {@code ENTERPRISE_ALREADY_REGISTERED} on the field, never a 500, and leaves one record.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConcurrentRegistrationTest {

    @Autowired
    EnterpriseService enterprises;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient sql;

    @Test
    void twoAgentsRacingForOneCodeEndWithOneRecordAndTheLoserGets409() throws Exception {
        String code = FreshNumbers.uscc();
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch secondWaiting = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);

        CompletableFuture<EnterpriseView> first = CompletableFuture.supplyAsync(
                () -> RunAs.run(
                        agent(330),
                        () -> transactions.execute(status -> {
                            EnterpriseView drafted = enterprises.register(EnterpriseFixtures.input("先登记的企业", code));
                            firstInserted.countDown();
                            await(secondWaiting);
                            return drafted;
                        })),
                threads);
        await(firstInserted);
        CompletableFuture<MvcTestResult> second = CompletableFuture.supplyAsync(
                () -> mvc.post()
                        .uri("/api/v1/enterprises")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EnterpriseWebTest.validBody(code))
                        .with(ActorAuthentication.as(agent(331)))
                        .exchange(),
                threads);
        // The second registration has passed the look-up (the first's record is not committed) and waits: on the lock
        // of the code that the bar check takes, then, had the check not been there, on the first's index entry.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!secondWaitsOnALock() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(secondWaitsOnALock())
                .as("the second registration waits on the first")
                .isTrue();
        secondWaiting.countDown();

        EnterpriseView winner = first.get(30, TimeUnit.SECONDS);
        MvcTestResult loser = second.get(30, TimeUnit.SECONDS);
        assertThat(loser).hasStatus(409).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.code").isEqualTo("ENTERPRISE_ALREADY_REGISTERED");
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("certificateNumber");
        });
        assertThat(sql.sql("SELECT id FROM enterprise WHERE certificate_number = ?")
                        .param(code)
                        .query(Long.class)
                        .list())
                .containsExactly(winner.id());
        threads.shutdown();
    }

    private boolean secondWaitsOnALock() {
        return sql.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                + " AND datname = current_database()")
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The other registration did not get there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
