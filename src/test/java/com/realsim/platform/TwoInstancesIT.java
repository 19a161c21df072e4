package com.realsim.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.RealSimApplication;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.order.OrderFixtures;
import com.realsim.platform.jobs.Recurring;
import com.realsim.testsupport.Chromium;
import com.realsim.testsupport.FreshDatabaseContextCustomizerFactory;
import com.realsim.testsupport.PartnerApiClient;
import com.realsim.testsupport.PartnerApiClient.Answer;
import com.realsim.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two RealSIM instances on one PostgreSQL, as behind a load balancer: two applications in this JVM on random ports,
 * the run's test server as their external database, the same key configuration (the key-encryption key of
 * src/test/resources/config; the first instance creates the keys in the database), started at the same time with the
 * same bootstrap settings. Over real HTTP (and real Chromium for the browser session): a token from one is good on
 * the other; 32 concurrent bindings of one identity split across both end with exactly the limit; an idempotency key
 * and a client's rate limit hold across both; a document uploaded on one opens on the other; a browser session
 * signed in on one is served, and ended, by the other; a client disabled on one is refused on the other within
 * {@code realsim.api.client-check-ttl}; a recurring job runs each due run once.
 */
class TwoInstancesIT {

    static final String ADMIN_CLIENT = "two-instances-admin";
    static final String ADMIN_SECRET = "two-Instances-Secret-2026";
    static final int BURST = 200;
    /**
     * realsim.api.rate-limit.sync-every-tokens, given to both instances: what one instance may admit beyond the shared
     * bucket between its writes of it (the README's tolerance: at most this many per instance).
     */
    static final int SYNC_EVERY_TOKENS = 20;

    static final String PERSON = "110105199809181031";

    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static int portA;
    static int portB;
    static JdbcTemplate database;

    @BeforeAll
    static void startTwoInstancesAtOnce() throws Exception {
        String url = TestPostgres.server().newDatabaseUrl();
        Path dataDirs = Files.createDirectories(Path.of("target/two-instances/" + UUID.randomUUID()));
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            Future<ConfigurableApplicationContext> first = starting.submit(() -> start(url, dataDirs.resolve("a")));
            Future<ConfigurableApplicationContext> second = starting.submit(() -> start(url, dataDirs.resolve("b")));
            a = first.get(5, TimeUnit.MINUTES);
            b = second.get(5, TimeUnit.MINUTES);
        } finally {
            starting.shutdownNow();
        }
        portA = port(a);
        portB = port(b);
        database = a.getBean(JdbcTemplate.class);
        // the test's own table, made by the owner of the tables (the application's role may not create any)
        JdbcTemplate owner = new JdbcTemplate(new DriverManagerDataSource(
                url, TestPostgres.server().user(), TestPostgres.server().password()));
        owner.execute("CREATE TABLE IF NOT EXISTS test_ticks (due TIMESTAMPTZ NOT NULL, port INT NOT NULL)");
        owner.execute(
                "GRANT SELECT, INSERT ON test_ticks TO " + FreshDatabaseContextCustomizerFactory.APPLICATION_ROLE);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void twoInstancesOnOneDatabaseServeAsOne() throws Exception {
        PartnerApiClient adminOnA = PartnerApiClient.signedIn(portA, ADMIN_CLIENT, ADMIN_SECRET);
        PartnerApiClient adminOnB = new PartnerApiClient(portB).withToken(adminOnA.token());

        // A token issued by one instance is good on the other (one signing key for both).
        assertThat(adminOnB.get("/api/v1/agents").status()).isEqualTo(200);

        // An idempotency key holds across both: the repeat on B gets A's answer, nothing is created twice.
        Map<String, String> key = Map.of("Idempotency-Key", "two-instances-agent-1");
        Answer created = adminOnA.post("/api/v1/agents", Map.of("name", "华北双实例通信有限公司"), key);
        assertThat(created.status()).isEqualTo(201);
        Answer repeated = adminOnB.post("/api/v1/agents", Map.of("name", "华北双实例通信有限公司"), key);
        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.body()).isEqualTo(created.body());
        assertThat(adminOnB.post("/api/v1/agents", Map.of("name", "Another name"), key)
                        .code())
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(database.queryForObject(
                        "SELECT count(*) FROM agent_organisation WHERE name = '华北双实例通信有限公司'", Long.class))
                .isOne();
        long agentId = created.json().get("id").asLong();

        Answer agentClient = adminOnA.post(
                "/api/v1/api-clients", Map.of("name", "north-agent-system", "role", "AGENT", "agentId", agentId));
        assertThat(agentClient.status()).isEqualTo(201);
        PartnerApiClient agentOnA = PartnerApiClient.signedIn(
                portA,
                agentClient.json().get("clientId").asString(),
                agentClient.json().get("clientSecret").asString());
        PartnerApiClient agentOnB = new PartnerApiClient(portB).withToken(agentOnA.token());

        // 32 concurrent bindings of one identity, half on each instance: exactly the operator's limit (5) succeed.
        OrderFixtures fixtures = new OrderFixtures(a);
        EnterpriseView enterprise = fixtures.verifiedEnterprise(agentId);
        List<String> cards = fixtures.enterpriseCards(32, fixtures.endUserPlan(), agentId, enterprise.id());
        List<Integer> statuses = bindAtOnce(cards, agentOnA, agentOnB);
        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(5);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(27);
        assertThat(database.queryForObject("SELECT sum(cards_held) FROM identity_quota", Long.class))
                .as("the one-ID-N-cards counter")
                .isEqualTo(5);

        // A document uploaded on A ...
        EnterpriseView draft = fixtures.draftEnterprise(agentId);
        Answer uploaded = agentOnA.postFile(
                "/api/v1/enterprises/" + draft.id() + "/documents",
                Map.of("kind", "CERTIFICATE"),
                "certificate.jpg",
                "image/jpeg",
                Files.readAllBytes(Path.of("docs/samples/photo.jpg")));
        assertThat(uploaded.status()).isEqualTo(201);
        long documentId = uploaded.json().get("id").asLong();

        // ... opens on B, in a browser session signed in on A and served by B; signing out on B ends it on A.
        assertThat(adminOnA.post(
                                "/api/v1/users",
                                Map.of("username", "two-instances-ops", "password", "Two-instances-1", "role", "OPS"))
                        .status())
                .isEqualTo(201);
        ChromeDriver browser = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(browser, Duration.ofSeconds(30));
            browser.get("http://localhost:" + portA + "/login?lang=en");
            browser.findElement(By.id("username")).sendKeys("two-instances-ops");
            browser.findElement(By.id("password")).sendKeys("Two-instances-1");
            browser.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));

            browser.get("http://localhost:" + portB + "/");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
            assertThat(browser.findElement(By.id("current-user")).getText()).contains("two-instances-ops");
            Object document =
                    browser.executeAsyncScript("fetch('/documents/" + documentId + "').then(r => r.blob().then(body =>"
                            + " arguments[0](r.status + ' ' + r.headers.get('content-type') + ' ' + body.size)))");
            assertThat(document).isEqualTo("200 image/jpeg " + Files.size(Path.of("docs/samples/photo.jpg")));

            browser.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logged-out")));
            browser.get("http://localhost:" + portA + "/");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            assertThat(browser.getCurrentUrl()).contains("/login");
        } finally {
            browser.quit();
        }

        // A client's rate limit is one bucket across both instances: each instance serves from its copy of the
        // bucket between its writes of it (every SYNC_EVERY_TOKENS requests), so the two together admit the burst,
        // the refill and at most SYNC_EVERY_TOKENS more per instance (the README's tolerance), far fewer than two
        // buckets would (twice the burst).
        Answer probe = adminOnA.post("/api/v1/api-clients", Map.of("name", "rate-probe", "role", "ADMIN"));
        PartnerApiClient probeOnA = PartnerApiClient.signedIn(
                portA,
                probe.json().get("clientId").asString(),
                probe.json().get("clientSecret").asString());
        PartnerApiClient probeOnB = new PartnerApiClient(portB).withToken(probeOnA.token());
        long started = System.nanoTime();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        List<Integer> answered = new ArrayList<>();
        try {
            Future<List<Integer>> onA = callers.submit(() -> calls(probeOnA, BURST * 5 / 4));
            Future<List<Integer>> onB = callers.submit(() -> calls(probeOnB, BURST * 5 / 4));
            List<Integer> fromA = onA.get(5, TimeUnit.MINUTES);
            List<Integer> fromB = onB.get(5, TimeUnit.MINUTES);
            assertThat(fromA).as("limited on A too").contains(429);
            assertThat(fromB).as("limited on B too").contains(429);
            answered.addAll(fromA);
            answered.addAll(fromB);
        } finally {
            callers.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long ok = answered.stream().filter(status -> status == 200).count();
        assertThat(answered).containsOnly(200, 429);
        assertThat(ok)
                .as(
                        "%d answered in %.1f s with a burst of %d, 1 more per second and at most %d per instance",
                        ok, seconds, BURST, SYNC_EVERY_TOKENS)
                .isBetween((long) BURST, BURST + (long) Math.ceil(seconds) + 2 * SYNC_EVERY_TOKENS);

        // A client disabled on A is refused on B within realsim.api.client-check-ttl (1 s).
        assertThat(agentOnB.get("/api/v1/cards/" + cards.get(0)).status()).isEqualTo(200);
        long clientId = agentClient.json().get("id").asLong();
        assertThat(adminOnA.post("/api/v1/api-clients/" + clientId + "/disable", null)
                        .status())
                .isEqualTo(204);
        long disabled = System.nanoTime();
        assertThat(agentOnA.get("/api/v1/cards/" + cards.get(0)).status())
                .as("at once on the instance that disabled it")
                .isEqualTo(401);
        int onB;
        do {
            // polled every 20 ms: a loop without pause spends the client's whole burst within the second
            // (the card read is one statement now) and meets its rate limit (429) before the check's 1 s is over
            Thread.sleep(20);
            onB = agentOnB.get("/api/v1/cards/" + cards.get(0)).status();
        } while (onB == 200
                && System.nanoTime() - disabled < Duration.ofSeconds(5).toNanos());
        Duration refusedAfter = Duration.ofNanos(System.nanoTime() - disabled);
        assertThat(onB).isEqualTo(401);
        assertThat(refusedAfter).isLessThan(Duration.ofMillis(1_000 + 1_000));

        // Each due run of a recurring job ran once, on one instance or the other.
        awaitTicks(4);
        assertThat(database.queryForList(
                        "SELECT due FROM test_ticks GROUP BY due HAVING count(*) > 1", Timestamp.class))
                .isEmpty();

        // The risk scan (every 3 s here) ran each due run once: two instances running one due run would start it
        // within the same poll, while separate due runs start about 3 s apart (less at most the 1 s polling interval).
        awaitScheduledScans(3);
        List<String> gaps = database.queryForList("""
                SELECT extract(epoch FROM requested_at - lag(requested_at) OVER (ORDER BY requested_at))::text
                FROM risk_scan WHERE trigger = 'SCHEDULE' ORDER BY requested_at""", String.class);
        assertThat(gaps.stream()
                        .skip(1)
                        .filter(gap -> Double.parseDouble(gap) < 1.0)
                        .toList())
                .as("seconds between scheduled scans: " + gaps)
                .isEmpty();
        assertThat(database.queryForObject(
                        "SELECT count(*) FROM risk_scan WHERE trigger = 'SCHEDULE' AND status = 'FAILED'", Long.class))
                .isZero();
    }

    private static List<Integer> calls(PartnerApiClient client, int count) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(client.get("/api/v1/agents").status());
        }
        return statuses;
    }

    private static List<Integer> bindAtOnce(List<String> cards, PartnerApiClient onA, PartnerApiClient onB)
            throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(cards.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < cards.size(); i++) {
                PartnerApiClient instance = i % 2 == 0 ? onA : onB;
                String iccid = cards.get(i);
                answers.add(racers.submit(() -> {
                    go.await();
                    Answer answer = instance.put(
                            "/api/v1/cards/" + iccid + "/end-user",
                            Map.of(
                                    "name",
                                    "王小明",
                                    "idType",
                                    "RESIDENT_ID",
                                    "idNumber",
                                    PERSON,
                                    "idAddress",
                                    "北京市东城区景山前街4号"));
                    if (answer.status() == 409) {
                        assertThat(answer.code()).isEqualTo("QUOTA_EXCEEDED");
                    }
                    return answer.status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(2, TimeUnit.MINUTES));
            }
            return statuses;
        } finally {
            racers.shutdownNow();
        }
    }

    private static void awaitTicks(int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (database.queryForObject("SELECT count(*) FROM test_ticks", Long.class) >= atLeast) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The recurring job did not run " + atLeast + " times in 30 s");
    }

    private static void awaitScheduledScans(int atLeast) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            if (database.queryForObject(
                            "SELECT count(*) FROM risk_scan WHERE trigger = 'SCHEDULE' AND status = 'DONE'", Long.class)
                    >= atLeast) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The risk scan did not run " + atLeast + " times in 60 s");
    }

    private static ConfigurableApplicationContext start(String url, Path dataDir) {
        return new SpringApplicationBuilder(RealSimApplication.class, Ticker.class)
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + FreshDatabaseContextCustomizerFactory.APPLICATION_ROLE,
                        "--spring.datasource.password=" + FreshDatabaseContextCustomizerFactory.APPLICATION_PASSWORD,
                        "--spring.flyway.user=" + TestPostgres.server().user(),
                        "--spring.flyway.password=" + TestPostgres.server().password(),
                        "--spring.datasource.hikari.maximum-pool-size=12",
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--realsim.data-dir=" + dataDir.toAbsolutePath(),
                        "--app.bootstrap.admin-client-id=" + ADMIN_CLIENT,
                        "--app.bootstrap.admin-client-secret=" + ADMIN_SECRET,
                        "--realsim.api.rate-limit.per-second=1",
                        "--realsim.api.rate-limit.burst=" + BURST,
                        "--realsim.risk.scan-cron=*/3 * * * * *",
                        "--realsim.api.rate-limit.sync-every-tokens=" + SYNC_EVERY_TOKENS);
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /**
     * A recurring job every 2 s that writes down which due run it is (the execution time of its row, picked while it
     * runs) and where it ran; the test creates its table once both instances are up.
     */
    static class Ticker {

        private final JdbcTemplate jdbc;
        private final Environment environment;

        Ticker(JdbcTemplate jdbc, Environment environment) {
            this.jdbc = jdbc;
            this.environment = environment;
        }

        @Recurring(name = "test-ticker", cron = "*/2 * * * * *")
        void tick() {
            jdbc.update(
                    "INSERT INTO test_ticks (due, port) SELECT execution_time, ? FROM scheduled_tasks"
                            + " WHERE task_name = 'test-ticker' AND task_instance = 'recurring'",
                    environment.getProperty("local.server.port", Integer.class, 0));
        }
    }
}
