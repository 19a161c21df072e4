package com.realsim.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.RealSimApplication;
import com.realsim.testsupport.PartnerApiClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping the application as people and service managers do: SIGTERM (systemd, Docker, {@code kill}) and Ctrl-C in
 * a terminal (SIGINT to the terminal's whole process group). The application runs as its own JVM on the main
 * classpath with the embedded PostgreSQL in a fresh data directory under {@code target/}. A stop must be quick and
 * clean — the database goes last, after everything that uses it has finished — and the next start on the same data
 * directory must find everything.
 */
class ApplicationStopTest {

    private static final String CLIENT_ID = "stop-test-admin";
    private static final String CLIENT_SECRET = "stop-Test-Secret-2026";
    private static final Duration STOP_LIMIT = Duration.ofSeconds(5);
    private static final int BURST = 40;

    private final Path dataDir =
            Path.of("target/stop-test-" + UUID.randomUUID()).toAbsolutePath();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeftAndRemoveTheDataDirectory() throws IOException {
        started.forEach(process -> process.descendants().forEach(ProcessHandle::destroyForcibly));
        started.forEach(Process::destroyForcibly);
        // the logs are in the assertions' messages; the directory holds a copy of the PostgreSQL binaries
        if (Files.exists(dataDir)) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            }
        }
    }

    @Test
    void sigtermAndCtrlCStopTheApplicationWithinFiveSecondsAndTheDatabaseLastLosingNothing() throws Exception {
        int databasePort = freePort();

        // 1. SIGTERM in a burst of changes: requests in flight, events (audit entries) for the listeners
        Running first = start(databasePort, "first.log", false);
        long postmaster = postmasterPid();
        assertThat(ProcessHandle.of(postmaster))
                .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        PartnerApiClient admin = PartnerApiClient.signedIn(first.port(), CLIENT_ID, CLIENT_SECRET);
        ExecutorService partners = Executors.newFixedThreadPool(8);
        List<String> answeredCreated = new ArrayList<>();
        try {
            Map<String, Future<Integer>> created = new java.util.LinkedHashMap<>();
            for (int i = 0; i < BURST; i++) {
                String name = "Stopped Cleanly " + i + " Ltd";
                created.put(name, partners.submit(() -> {
                    try {
                        return admin.post("/api/v1/agents", Map.of("name", name))
                                .status();
                    } catch (RuntimeException refused) {
                        return -1; // not accepted any more: the connection was refused or closed
                    }
                }));
            }
            int answered = 0;
            for (Map.Entry<String, Future<Integer>> answer : created.entrySet()) {
                assertThat(answer.getValue().get(60, TimeUnit.SECONDS)).isEqualTo(201);
                answeredCreated.add(answer.getKey());
                if (++answered == BURST / 2) {
                    break;
                }
            }
            first.process().destroy(); // SIGTERM, with requests still coming in
            for (Map.Entry<String, Future<Integer>> answer : created.entrySet()) {
                int status = answer.getValue().get(60, TimeUnit.SECONDS);
                if (status == 201 && !answeredCreated.contains(answer.getKey())) {
                    answeredCreated.add(answer.getKey());
                }
            }
        } finally {
            partners.shutdownNow();
        }
        assertStoppedCleanly(first, postmaster);
        assertNoEventLeftUnfinished();

        // 2. a restart on the same data directory finds everything; then Ctrl-C in its terminal
        Running second = start(databasePort, "second.log", true);
        long secondPostmaster = postmasterPid();
        PartnerApiClient again = PartnerApiClient.signedIn(second.port(), CLIENT_ID, CLIENT_SECRET);
        String agents = again.get("/api/v1/agents?size=100").body();
        assertThat(answeredCreated)
                .as("every creation answered 201 was kept")
                .allSatisfy(name -> assertThat(agents).contains(name));
        ctrlC(second.process());
        assertStoppedCleanly(second, secondPostmaster);
        assertNoEventLeftUnfinished();
    }

    private record Running(Process process, int port, Path log) {}

    /**
     * Starts the application as a user would (main classpath, embedded database, the data directory of this test);
     * {@code ownTerminal} starts it as the leader of a process group of its own, as a shell does for a command in a
     * terminal, so that a Ctrl-C can be sent to the whole group.
     */
    private Running start(int databasePort, String logName, boolean ownTerminal) throws Exception {
        Files.createDirectories(dataDir);
        int port = freePort();
        Path log = dataDir.resolve(logName);
        List<String> command = new ArrayList<>();
        if (ownTerminal) {
            command.add("setsid");
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                mainClasspath(),
                RealSimApplication.class.getName(),
                "--realsim.data-dir=" + dataDir,
                "--server.port=" + port,
                "--realsim.embedded-database.port=" + databasePort,
                "--spring.datasource.url=",
                "--spring.main.banner-mode=off"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(dataDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("REALSIM_"));
        builder.environment().put("APP_BOOTSTRAP_ADMIN_CLIENT_ID", CLIENT_ID);
        builder.environment().put("APP_BOOTSTRAP_ADMIN_CLIENT_SECRET", CLIENT_SECRET);
        Process process = builder.start();
        started.add(process);
        awaitHealthy(process, port, log);
        return new Running(process, port, log);
    }

    private static void awaitHealthy(Process process, int port, Path log) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The application ended while starting:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The application did not become healthy:\n" + Files.readString(log));
    }

    private void assertStoppedCleanly(Running running, long postmaster) throws Exception {
        Instant asked = Instant.now();
        boolean ended = running.process().waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        String log = Files.readString(running.log());
        assertThat(ended).as("stopped within %s; the log:%n%s", STOP_LIMIT, log).isTrue();
        // PostgreSQL removes its pid file as its very last step; the process itself ends a moment later
        Duration left = STOP_LIMIT.minus(Duration.between(asked, Instant.now()));
        ProcessHandle.of(postmaster).ifPresent(process -> {
            try {
                process.onExit().get(Math.max(left.toMillis(), 1), TimeUnit.MILLISECONDS);
            } catch (Exception stillRunning) {
                // asserted below
            }
        });
        Duration took = Duration.between(asked, Instant.now());
        assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive))
                .as("PostgreSQL (process %d) is gone within %s; the log:%n%s", postmaster, STOP_LIMIT, log)
                .isEmpty();
        assertThat(took).isLessThanOrEqualTo(STOP_LIMIT);
        assertThat(dataDir.resolve("pg/postmaster.pid")).doesNotExist();
        assertThat(log.lines())
                .as("the log:%n%s", log)
                .noneMatch(line -> line.toLowerCase().contains("connection has been closed"))
                .noneMatch(line -> line.matches(".*\\bERROR\\b.*"))
                .noneMatch(line -> line.contains("Exception"));
    }

    /** Every event published before the stop was handed to its listeners and recorded as completed. */
    private void assertNoEventLeftUnfinished() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir.resolve("pg"))
                        .setCleanDataDirectory(false)
                        .setOverrideWorkingDirectory(
                                dataDir.resolve("pg-binaries").toFile())
                        .setRegisterShutdownHook(false)
                        .start();
                Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FILTER (WHERE completion_date IS NULL), count(*) FROM event_publication")) {
            rows.next();
            assertThat(rows.getLong(2)).as("events published").isPositive();
            assertThat(rows.getLong(1)).as("events left unfinished").isZero();
        }
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(
                Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).trim());
    }

    /** What a terminal does on Ctrl-C: SIGINT to every process of the foreground process group. */
    private static void ctrlC(Process leader) throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + leader.pid())
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).isZero();
    }

    /** The application's own classpath: the test run's without the test classes and resources. */
    private static String mainClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
