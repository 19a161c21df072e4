package com.realsim.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realsim.platform.Role;
import com.realsim.testsupport.BrowserClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sign-in lockout under real concurrency: browsers posting wrong passwords at the same instant over real HTTP,
 * against PostgreSQL. Every failure is counted (no lost update), the account locks at exactly the configured number
 * (here 32, so that a single lost count leaves it open), the lockout is recorded once, and an administrator's disable
 * made while failures are being counted is never undone by them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "realsim.security.max-failed-logins=" + SignInLockoutConcurrencyTest.LIMIT)
class SignInLockoutConcurrencyTest {

    static final int LIMIT = 32;
    static final String PASSWORD = "Correct-horse-7";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient sql;

    final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    UserSummary newOpsUser(String name) {
        return accounts.createUser(new NewUser(name, PASSWORD, Role.OPS, null, null));
    }

    /** Browsers that have each read the sign-in page (session and CSRF token), ready to post. */
    List<BrowserClient> browsers(int count) {
        List<BrowserClient> browsers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BrowserClient browser = new BrowserClient(port);
            browser.get("/login");
            browsers.add(browser);
        }
        return browsers;
    }

    /** Each browser posts a wrong password once, all released together by one barrier; answers where they landed. */
    List<String> wrongPasswordsAtOnce(String username, List<BrowserClient> browsers, Runnable alongside)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(browsers.size() + (alongside == null ? 0 : 1));
        List<Future<String>> answers = new ArrayList<>();
        for (BrowserClient browser : browsers) {
            answers.add(threads.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return browser.post("/login", Map.of("username", username, "password", "wrong-password"))
                        .headers()
                        .firstValue("Location")
                        .orElse("");
            }));
        }
        Future<?> other = alongside == null
                ? null
                : threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    alongside.run();
                    return null;
                });
        List<String> landed = new ArrayList<>();
        for (Future<String> answer : answers) {
            landed.add(answer.get(120, TimeUnit.SECONDS));
        }
        if (other != null) {
            other.get(120, TimeUnit.SECONDS);
        }
        return landed;
    }

    record Row(boolean enabled, int failedLogins, boolean locked) {}

    Row row(long userId) {
        return sql.sql("""
                        SELECT enabled, failed_logins, locked_until IS NOT NULL AND locked_until > now() AS locked
                          FROM user_account WHERE id = ?""")
                .param(userId)
                .query((rs, n) -> new Row(rs.getBoolean(1), rs.getInt(2), rs.getBoolean(3)))
                .single();
    }

    long auditEntries(String action, long userId) {
        return sql.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND target_type = 'USER' AND target_id = ?")
                .params(action, String.valueOf(userId))
                .query(Long.class)
                .single();
    }

    @Test
    void parallelWrongPasswordsBelowTheLimitAreEachCounted() throws Exception {
        UserSummary user = newOpsUser("ops-parallel-below");

        List<String> landed = wrongPasswordsAtOnce(user.username(), browsers(LIMIT - 1), null);

        assertThat(landed).allSatisfy(location -> assertThat(location).endsWith("/login?error"));
        Row row = row(user.id());
        assertThat(row.failedLogins())
                .as("every one of %d failures counted", LIMIT - 1)
                .isEqualTo(LIMIT - 1);
        assertThat(row.locked()).isFalse();
        assertThat(new BrowserClient(port).signIn(user.username(), PASSWORD)).endsWith("/");
    }

    @Test
    void thirtyTwoParallelWrongPasswordsLockTheAccountAtExactlyTheLimitAndOnce() throws Exception {
        UserSummary user = newOpsUser("ops-parallel-lock");

        wrongPasswordsAtOnce(user.username(), browsers(LIMIT), null);

        Row row = row(user.id());
        assertThat(row.locked()).as("locked after %d parallel failures", LIMIT).isTrue();
        assertThat(row.failedLogins())
                .as("the count starts again after a lockout")
                .isZero();
        assertThat(new BrowserClient(port).signIn(user.username(), PASSWORD)).endsWith("/login?error");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        assertThat(auditEntries("USER_LOCKED_OUT", user.id())).isEqualTo(1));
        // every attempt is on the trail, and nothing more than one lockout arrives later
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> assertThat(auditEntries("SIGN_IN", user.id())).isGreaterThanOrEqualTo(LIMIT + 1));
        assertThat(auditEntries("USER_LOCKED_OUT", user.id())).isEqualTo(1);
    }

    @Test
    void aDisableMadeWhileWrongPasswordsAreCountedSticks() throws Exception {
        UserSummary user = newOpsUser("ops-parallel-disable");
        for (int round = 0; round < 12; round++) {
            sql.sql("UPDATE user_account SET enabled = true, failed_logins = 0, locked_until = NULL WHERE id = ?")
                    .param(user.id())
                    .update();
            List<BrowserClient> browsers = browsers(16);
            long delayMillis = ThreadLocalRandom.current().nextLong(0, 400);

            wrongPasswordsAtOnce(user.username(), browsers, () -> {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                accounts.disableUser(user.id(), -1);
            });

            Row row = row(user.id());
            assertThat(row.enabled())
                    .as("round %d: disabled %d ms after the failures started", round, delayMillis)
                    .isFalse();
        }
        assertThat(new BrowserClient(port).signIn(user.username(), PASSWORD)).endsWith("/login?error");
    }
}
