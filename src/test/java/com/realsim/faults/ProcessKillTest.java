package com.realsim.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.RealSimApplication;
import com.realsim.audit.AuditTrail;
import com.realsim.card.domain.QuotaDriftCheck;
import com.realsim.testsupport.DatabaseFaults;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application process is killed ({@code SIGKILL}: no shutdown hook, no clean close) while an order's completion
 * has written its cards and not committed. The restarted process answers its health check as soon as a normal start
 * would, even though the interrupted work stops at the same pause point again (so it cannot be running in the
 * start), then finishes the order in the background by republishing the event whose listener was cut off: the order is completed exactly once, every card handed over,
 * the counters equal the bindings and the audit chain verifies.
 */
class ProcessKillTest {

    private static final Logger log = LoggerFactory.getLogger(ProcessKillTest.class);
    static final int CARDS = 200;

    final Path dataDir = Path.of("target/kill-test-" + UUID.randomUUID()).toAbsolutePath();
    final List<Process> children = new ArrayList<>();
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stopChildren() throws Exception {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        DatabaseFaults.stopLeftover(dataDir); // a killed child's PostgreSQL outlives it
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    Process child(String mainClass, String name, int httpPort, int pgPort) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dfaults.cards=" + CARDS,
                "-cp",
                System.getProperty("java.class.path"),
                mainClass,
                "--realsim.data-dir=" + dataDir,
                "--server.port=" + httpPort,
                "--spring.datasource.url=",
                "--realsim.embedded-database.port=" + pgPort,
                "--spring.main.banner-mode=off",
                "--realsim.jobs.polling-interval=1s",
                "--realsim.jobs.heartbeat-interval=1s",
                "--realsim.events.republish-after=2s",
                "--realsim.events.republish-interval=2s",
                // the order must be finished by its republished event, not by the periodic settling of open orders
                "--realsim.order.settle-interval=1h"));
        Files.createDirectories(dataDir);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile())
                .start();
        children.add(process);
        return process;
    }

    String output(String name) throws IOException {
        Path file = dataDir.resolve(name + ".log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    boolean healthy(int httpPort) {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    long postmaster() throws IOException {
        return Long.parseLong(
                Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).trim());
    }

    /** Milliseconds from the process's start until its health check answers UP. */
    long untilHealthy(Process process, int httpPort, long started) {
        Awaitility.await()
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(process.isAlive()).as("the process is running").isTrue();
                    return healthy(httpPort);
                });
        return System.currentTimeMillis() - started;
    }

    @Test
    void aProcessKilledInAnOrdersCompletionRestartsAtNormalSpeedAndCompletesTheOrderOnce() throws Exception {
        int pgPort = freePort();
        int firstPort = freePort();
        long firstStart = System.currentTimeMillis();
        Process first = child(OrderCompletionChild.class.getName(), "first", firstPort, pgPort);
        long firstStartup = untilHealthy(first, firstPort, firstStart);
        Awaitility.await()
                .atMost(Duration.ofMinutes(4))
                .until(() -> OrderCompletionChild.READY.matcher(output("first")).find() || !first.isAlive());
        Matcher ready = OrderCompletionChild.READY.matcher(output("first"));
        assertThat(ready.find()).as(output("first")).isTrue();
        long orderId = Long.parseLong(ready.group(1));
        long enterpriseId = Long.parseLong(ready.group(2));
        String lastIccid = ready.group(3);

        DatabaseFaults faults = new DatabaseFaults(dataDir, pgPort);
        faults.pauseAfter("UPDATE", "card", "NEW.iccid = '" + lastIccid + "' AND OLD.state IS DISTINCT FROM NEW.state");
        first.getOutputStream().write("approve\n".getBytes());
        first.getOutputStream().flush();
        faults.awaitPaused(Duration.ofSeconds(120));
        first.destroyForcibly(); // SIGKILL, in the middle of the completion's transaction
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        faults.release(); // the dead process's transaction ends (rolled back); the pause point stays
        long orphan = postmaster();

        int secondPort = freePort();
        long secondStart = System.currentTimeMillis();
        Process second = child(RealSimApplication.class.getName(), "second", secondPort, pgPort);
        // the new process stops the orphaned PostgreSQL and starts its own; then the pause point holds again, so the
        // completion, when it is run again, stops where it stopped before
        Awaitility.await()
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> {
                    if (postmaster() == orphan) {
                        return false;
                    }
                    faults.owner().close();
                    return true;
                });
        faults.hold();
        long restartAfterKill = untilHealthy(second, secondPort, secondStart);
        log.info(
                "Start on a fresh data directory: {} ms to a healthy answer; restart after the kill: {} ms",
                firstStartup,
                restartAfterKill);
        Files.writeString(
                Path.of("target/process-kill-figures.txt"),
                "first start (fresh data directory, migrations) ms=" + firstStartup + "\nrestart after kill -9 ms="
                        + restartAfterKill + "\ncards in the order=" + CARDS + "\n");
        assertThat(restartAfterKill)
                .as("the restart answers its health check no later than a first start did")
                .isLessThanOrEqualTo(firstStartup + 10_000);
        // it answered while the interrupted completion still waits at the pause point: the work runs in the
        // background, not in the start (a start that ran it would never have become healthy)
        faults.awaitPaused(Duration.ofMinutes(2));
        assertThat(healthy(secondPort)).isTrue();
        faults.release();
        faults.removePause();

        // the interrupted completion is finished in the background, once
        try (var connection = faults.owner()) {
            JdbcTemplate database = new JdbcTemplate(
                    new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
            Awaitility.await()
                    .atMost(Duration.ofMinutes(3))
                    .until(() -> "COMPLETED"
                            .equals(database.queryForObject(
                                    "SELECT status FROM business_order WHERE id = ?", String.class, orderId)));
            assertThat(database.queryForObject(
                            "SELECT count(*) FROM card WHERE enterprise_id = ? AND state = 'PENDING_ACTIVATION'",
                            Long.class,
                            enterpriseId))
                    .isEqualTo(CARDS);
            Awaitility.await()
                    .atMost(Duration.ofMinutes(2))
                    .until(() -> database.queryForObject(
                                    "SELECT count(*) FROM event_publication WHERE completion_date IS NULL", Long.class)
                            == 0);
            assertThat(database.queryForObject(
                            "SELECT count(*) FROM audit_entry WHERE action = 'ORDER_COMPLETED' AND target_id = ?",
                            Long.class,
                            Long.toString(orderId)))
                    .isEqualTo(1);
        }
        second.destroy(); // a clean stop (SIGTERM)
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // a third start, in this process: the counters and the trail as the application reads them
        try (ConfigurableApplicationContext third = new SpringApplicationBuilder(RealSimApplication.class)
                .run(
                        "--realsim.data-dir=" + dataDir,
                        "--server.port=0",
                        "--spring.datasource.url=",
                        "--spring.main.banner-mode=off")) {
            assertThat(third.getBean(QuotaDriftCheck.class).checkNow()).isZero();
            assertThat(third.getBean(AuditTrail.class).verify().ok()).isTrue();
        }
    }
}
