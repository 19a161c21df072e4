package com.realsim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.testsupport.BenchmarkReport;
import com.realsim.testsupport.TestPostgres;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import stackfloor.StackFloor;

/**
 * Card-status reads over real HTTP ({@code GET /api/v1/cards/{iccid}} with a bearer token, 32 concurrent clients),
 * next to {@code pgbench -S} (select-only) with 32 clients on the same PostgreSQL server as the ceiling. Target: at
 * least 20% of that ceiling. Writes the "card-read" section of {@code docs/benchmarks.md}; run with
 * {@code ./mvnw -Pbench verify -Dtest=CardReadBenchmark}. Needs {@code pgbench} and {@code wrk} on the PATH.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"realsim.api.rate-limit.per-second=100000000", "realsim.api.rate-limit.burst=100000000"})
class CardReadBenchmark {

    static final int CARDS = 20_000;
    static final int CLIENTS = 32;
    /** Warm-up in rounds of this length until the JIT compiler is quiet (or {@link #WARM_UP_LIMIT}). */
    static final Duration WARM_UP_ROUND = Duration.ofSeconds(30);

    static final Duration WARM_UP_LIMIT = Duration.ofSeconds(Long.getLong("bench.warmup", 900));
    /** Quiet: the compiler threads worked less than this share of a round. */
    static final double QUIET_COMPILER = 0.10;

    static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void cardStatusReadsPerSecondAgainstThePgbenchCeiling() throws Exception {
        BenchData data = new BenchData(context);
        data.dataPlan("BENCH-NONDIR", "Bench plan");
        List<String> iccids = data.importCards(CARDS, 700_000_000_000L, "1440", "BENCH-NONDIR", "bench.csv")
                .iccids();
        BenchData.Agent agent = data.agent("Bench channel", port);
        jdbc.update(
                "UPDATE card SET agent_id = ?, enterprise_id = ?, state = 'PENDING_ACTIVATION' WHERE plan_id = "
                        + "(SELECT id FROM service_plan WHERE code = 'BENCH-NONDIR')",
                agent.id(),
                agent.enterprise().id());
        jdbc.execute("ANALYZE");
        String token = agent.api().token();

        String load = BenchmarkReport.load();
        Measured http = readCards(token, iccids);
        Ceiling ceiling = pgbenchSelectOnly();
        Measured floor = stackFloor();
        double share = http.result().perSecond() / ceiling.tps();

        StringBuilder md = new StringBuilder("## Card-status reads over HTTP\n\n| | |\n|---|---|\n");
        md.append("| machine | ").append(BenchmarkReport.machine()).append(" |\n");
        md.append("| date | ").append(BenchmarkReport.today()).append(" |\n");
        md.append("| database | PostgreSQL ")
                .append(jdbc.queryForObject("SHOW server_version", String.class))
                .append(" (the tests' server), ")
                .append(CARDS)
                .append(" cards of one enterprise |\n");
        md.append("| call | `GET /api/v1/cards/{iccid}` as an AGENT client with a bearer token: token check, client "
                + "still active, rate-limit bucket in PostgreSQL, tenant-scoped card, plan, real-name requirement "
                + "and facts |\n");
        md.append("| load | ")
                .append(CLIENTS)
                .append(" concurrent connections from `wrk -t2` (a separate process, HTTP/1.1 keep-alive) on the "
                        + "same machine, random ICCIDs, ")
                .append(http.warmUp().describe())
                .append(", then ")
                .append(MEASURE.toSeconds())
                .append(" s measured |\n");
        md.append(String.format(
                "| **reads/s** | **%,.0f** (%d errors) |%n",
                http.result().perSecond(), http.result().errors()));
        md.append(String.format(
                "| latency p50 / p99 | %.1f ms / %.1f ms |%n",
                http.result().p50Millis(), http.result().p99Millis()));
        md.append(String.format(
                "| ceiling: `pgbench -S -c %d -j 2 -T %d -M prepared`, scale 10, same server | %,.0f tps |%n",
                CLIENTS, MEASURE.toSeconds(), ceiling.tps()));
        md.append(String.format("| **share of the ceiling** | **%.0f %%** (target ≥ 20 %%) |%n", share * 100));
        md.append(String.format(
                "| floor of the stack: a bare Spring Boot application (Tomcat, Spring MVC, Jackson, HikariCP, one "
                        + "primary-key `SELECT` of `pgbench_accounts` per request, no security), same JVM, server "
                        + "and load; %s | %,.0f requests/s (%d errors) = **%.0f %% of the ceiling** |%n",
                floor.warmUp().describe(),
                floor.result().perSecond(),
                floor.result().errors(),
                100 * floor.result().perSecond() / ceiling.tps()));
        md.append(String.format(
                "| card read / floor | %.0f %% |%n",
                100 * http.result().perSecond() / floor.result().perSecond()));
        md.append("| load average before | ").append(load).append(" |\n");
        BenchmarkReport.write("card-read", md.toString());

        assertThat(http.result().errors()).isZero();
        assertThat(http.result().perSecond()).isPositive();
        assertThat(floor.result().errors()).isZero();
    }

    /**
     * A server is measured as it runs for days, not in its first minutes: on two cores shared with PostgreSQL and the
     * load, the JIT compiler's queue (thousands of methods after the start) takes minutes to drain, and the rate
     * climbs all the while (430 → 1,470 reads/s over six minutes in one run). Rounds of load until the compiler was
     * busy less than {@link #QUIET_COMPILER} of a round, at most {@link #WARM_UP_LIMIT}.
     */
    private WarmUp warmUp(Path script, String url) throws IOException, InterruptedException {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        long deadline = System.nanoTime() + WARM_UP_LIMIT.toNanos();
        List<Long> rates = new ArrayList<>();
        double compiling;
        do {
            long compiledBefore = compiler.getTotalCompilationTime();
            String output = wrk(WARM_UP_ROUND, script, url);
            Matcher rate = REQUESTS_PER_SECOND.matcher(output);
            rates.add(rate.find() ? Math.round(Double.parseDouble(rate.group(1))) : -1);
            compiling = (compiler.getTotalCompilationTime() - compiledBefore) / (double) WARM_UP_ROUND.toMillis();
            if (rates.size() >= 2 && compiling < QUIET_COMPILER) {
                break;
            }
        } while (System.nanoTime() < deadline);
        return new WarmUp(rates, compiling);
    }

    /** The warm-up rounds' rates, and how busy the JIT compiler was in the last one. */
    record WarmUp(List<Long> rates, double lastRoundCompiling) {

        String describe() {
            return rates.size()
                    + " warm-up rounds of "
                    + WARM_UP_ROUND.toSeconds()
                    + (lastRoundCompiling < QUIET_COMPILER
                            ? " s, until the JIT compiler was quiet"
                            : String.format(
                                    " s, stopped by the %d-minute limit with the JIT compiler still busy %.0f %% of the"
                                            + " last round",
                                    WARM_UP_LIMIT.toMinutes(), lastRoundCompiling * 100))
                    + " (per round: "
                    + rates.stream().map(r -> String.format("%,d", r)).collect(Collectors.joining(", "))
                    + "/s)";
        }
    }

    record Measured(Result result, WarmUp warmUp) {}

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    /** {@code wrk} with two threads and {@link #CLIENTS} keep-alive connections for this long; its report. */
    private String wrk(Duration duration, Path script, String url) throws IOException, InterruptedException {
        return run(List.of(
                "wrk",
                "-t2",
                "-c" + CLIENTS,
                "-d" + duration.toSeconds() + "s",
                "--latency",
                "-s",
                script.toString(),
                url));
    }

    /**
     * The load comes from {@code wrk} (a separate C process with two threads and 32 keep-alive connections), so the
     * server is measured, not a load generator sharing its JVM. A Lua script picks a random ICCID for every request.
     */
    private Measured readCards(String token, List<String> iccids) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of("target/bench"));
        Path list = Files.write(dir.resolve("iccids.txt"), iccids, StandardCharsets.UTF_8);
        Path script = dir.resolve("card-read.lua");
        Files.writeString(script, """
                local iccids = {}
                for line in io.lines("%s") do iccids[#iccids + 1] = line end
                local headers = { ["Authorization"] = "Bearer %s", ["Accept"] = "application/json" }
                local counter = 0
                setup = function(thread) counter = counter + 1; thread:set("id", counter) end
                init = function(args) math.randomseed(os.time() * 1000 + id) end
                request = function()
                  return wrk.format("GET", "/api/v1/cards/" .. iccids[math.random(#iccids)], headers)
                end
                """.formatted(list.toAbsolutePath(), token), StandardCharsets.UTF_8);
        String url = "http://127.0.0.1:" + port;
        WarmUp warmUp = warmUp(script, url);
        return new Measured(measure(script, url, dir.resolve("card-read-wrk.txt")), warmUp);
    }

    /**
     * The same load against {@link StackFloor} on the pgbench database: random account ids of scale 10, the same
     * warm-up and measurement.
     */
    private Measured stackFloor() throws IOException, InterruptedException {
        TestPostgres server = TestPostgres.server();
        try (var floor = StackFloor.start(server.url("pgbench_ceiling"), server.user(), server.password())) {
            Path dir = Files.createDirectories(Path.of("target/bench"));
            Path script = dir.resolve("stack-floor.lua");
            Files.writeString(script, """
                    local counter = 0
                    setup = function(thread) counter = counter + 1; thread:set("id", counter) end
                    init = function(args) math.randomseed(os.time() * 1000 + id) end
                    request = function()
                      return wrk.format("GET", "/floor/" .. math.random(1000000), { ["Accept"] = "application/json" })
                    end
                    """, StandardCharsets.UTF_8);
            String url = "http://127.0.0.1:" + StackFloor.port(floor);
            WarmUp warmUp = warmUp(script, url);
            return new Measured(measure(script, url, dir.resolve("stack-floor-wrk.txt")), warmUp);
        }
    }

    /** One measured {@code wrk} run; its report is kept in {@code report}. */
    private Result measure(Path script, String url, Path report) throws IOException, InterruptedException {
        String output = wrk(MEASURE, script, url);
        Files.writeString(report, output, StandardCharsets.UTF_8);
        Matcher rate = REQUESTS_PER_SECOND.matcher(output);
        assertThat(rate.find()).as(output).isTrue();
        Matcher errors = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
        Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(output);
        long failed = (errors.find() ? Long.parseLong(errors.group(1)) : 0)
                + (socket.find()
                        ? Long.parseLong(socket.group(1))
                                + Long.parseLong(socket.group(2))
                                + Long.parseLong(socket.group(3))
                                + Long.parseLong(socket.group(4))
                        : 0);
        return new Result(Double.parseDouble(rate.group(1)), failed, millis(output, "50%"), millis(output, "99%"));
    }

    /** A latency percentile of wrk's {@code --latency} table, in milliseconds. */
    private static double millis(String output, String percentile) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)")
                .matcher(output);
        assertThat(m.find()).as(output).isTrue();
        double value = Double.parseDouble(m.group(1));
        switch (m.group(2)) {
            case "us":
                return value / 1000;
            case "s":
                return value * 1000;
            default:
                return value;
        }
    }

    private Ceiling pgbenchSelectOnly() throws IOException, InterruptedException {
        TestPostgres server = TestPostgres.server();
        Matcher address = Pattern.compile("//([^:/]+):(\\d+)/").matcher(server.url("postgres"));
        assertThat(address.find()).isTrue();
        jdbc.execute("DROP DATABASE IF EXISTS pgbench_ceiling");
        jdbc.execute("CREATE DATABASE pgbench_ceiling");
        List<String> connection = List.of("-h", address.group(1), "-p", address.group(2), "-U", server.user());
        run(concat(List.of("pgbench", "-i", "-q", "-s", "10"), connection, List.of("pgbench_ceiling")));
        String output = run(concat(
                List.of(
                        "pgbench",
                        "-S",
                        "-M",
                        "prepared",
                        "-c",
                        Integer.toString(CLIENTS),
                        "-j",
                        "2",
                        "-T",
                        Long.toString(MEASURE.toSeconds())),
                connection,
                List.of("pgbench_ceiling")));
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        assertThat(tps.find()).as(output).isTrue();
        return new Ceiling(Double.parseDouble(tps.group(1)));
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
        return output;
    }

    record Result(double perSecond, long errors, double p50Millis, double p99Millis) {}

    record Ceiling(double tps) {}
}
