package com.realsim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.ApiClientService;
import com.realsim.account.IssuedCredentials;
import com.realsim.account.NewApiClient;
import com.realsim.card.CardFixtures;
import com.realsim.card.inventory.CardImportService;
import com.realsim.catalogue.NewServicePlan;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.enterprise.EnterpriseFixtures;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.BenchmarkReport;
import com.realsim.testsupport.DatabaseOwner;
import com.realsim.testsupport.PartnerApiClient;
import com.realsim.testsupport.TestPostgres;
import java.io.ByteArrayInputStream;
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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import stackfloor.StackFloor;

/**
 * Card-status reads over real HTTP ({@code GET /api/v1/cards/{iccid}} with a bearer token, 32 concurrent connections
 * from {@code wrk}) against the floor of the stack ({@link StackFloor}, started in this run, same client and load),
 * in alternating rounds. Target: the median round's card reads at least 40 % of the floor's requests per second;
 * fails when missed. Also measures end-user binding over HTTP against the same floor, and {@code pgbench}'s
 * select-only and simple-update ceilings on the same server. Writes the "card-read" section of {@code
 * docs/benchmarks.md}; run with {@code ./mvnw -Pbench verify -Dtest=CardReadBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. Needs {@code pgbench} and {@code wrk} on the PATH.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"realsim.api.rate-limit.per-second=100000000", "realsim.api.rate-limit.burst=100000000"})
class CardReadBenchmark {

    private static final Logger log = LoggerFactory.getLogger(CardReadBenchmark.class);

    static final int CARDS = 20_000;
    static final int CLIENTS = 32;
    /** Warm-up in rounds of this length until the JIT compiler is quiet (or {@link #WARM_UP_LIMIT}). */
    static final Duration WARM_UP_ROUND = Duration.ofSeconds(30);

    static final Duration WARM_UP_LIMIT = Duration.ofSeconds(Long.getLong("bench.warmup", 900));
    /** Quiet: the compiler threads worked less than this share of a round. */
    static final double QUIET_COMPILER = 0.10;

    static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));

    /** Measured rounds of card reads and floor, alternating. */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    /** The card read's target: this share of the floor's requests per second, in the same run. */
    static final double TARGET = 0.40;

    @LocalServerPort
    int port;

    @Autowired
    ServicePlanService plans;

    @Autowired
    CardImportService imports;

    @Autowired
    EnterpriseService enterprises;

    @Autowired
    ApiClientService clients;

    @Autowired
    com.realsim.account.AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Test
    void cardStatusReadsAgainstTheStackFloorAndEndUserBindings() throws Exception {
        Actor admin = ActorAuthentication.actor(Role.ADMIN, null, null);
        Actor ops = ActorAuthentication.actor(Role.OPS, null, null);
        plans.create(
                new NewServicePlan(
                        "BENCH-NONDIR",
                        "Bench plan",
                        false,
                        ServiceDirection.NONE,
                        ServiceDirection.NONE,
                        false,
                        false),
                admin);
        List<String> iccids = seedCards(ops);
        long agentId = accounts.createAgent("Bench channel").id();
        EnterpriseView enterprise = new EnterpriseFixtures(enterprises).verified(agentId, EnterpriseFixtures.code(0));
        jdbc.update(
                "UPDATE card SET agent_id = ?, enterprise_id = ?, state = 'PENDING_ACTIVATION' WHERE plan_id = "
                        + "(SELECT id FROM service_plan WHERE code = 'BENCH-NONDIR')",
                agentId,
                enterprise.id());
        DatabaseOwner.template(environment).execute("ANALYZE");
        // The import's events are delivered after it by listeners that take connections of the same pool (on this
        // loaded machine for minutes): measured once they are all done, or the reads wait for connections.
        Awaitility.await()
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL", Long.class)
                        == 0);
        IssuedCredentials credentials =
                clients.create(new NewApiClient("bench agent", Role.AGENT, agentId, null), admin);
        String token = PartnerApiClient.signedIn(port, credentials.clientId(), credentials.clientSecret())
                .token();

        String load = BenchmarkReport.load();
        Ceiling ceiling = pgbench("-S");
        TestPostgres server = TestPostgres.server();
        try (var floorApp = StackFloor.start(server.url("pgbench_ceiling"), server.user(), server.password())) {
            Target read = cardReads(token, iccids);
            Target floor = stackFloor(StackFloor.port(floorApp));
            // the two alternate, so that the other builds on this machine weigh on both alike
            List<Result> reads = new ArrayList<>();
            List<Result> floors = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                reads.add(measure(read, round));
                floors.add(measure(floor, round));
            }
            Target bind = bindings(token, iccids);
            Result bound = measure(bind, 1);
            Ceiling writes = pgbench("-N");

            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                ratios.add(reads.get(i).perSecond() / floors.get(i).perSecond());
            }
            double ratio = median(ratios);
            double readRate = median(reads.stream().map(Result::perSecond).toList());
            double floorRate = median(floors.stream().map(Result::perSecond).toList());
            log.info(
                    "card read / floor: {} (target ≥ {}); per round {}",
                    String.format("%.0f %%", ratio * 100),
                    String.format("%.0f %%", TARGET * 100),
                    ratios.stream().map(r -> String.format("%.0f %%", r * 100)).collect(Collectors.joining(", ")));

            StringBuilder md = new StringBuilder("## Card-status reads over HTTP\n\n| | |\n|---|---|\n");
            md.append("| machine | ").append(BenchmarkReport.machine()).append(" |\n");
            md.append("| date | ").append(BenchmarkReport.today()).append(" |\n");
            md.append("| database | PostgreSQL ")
                    .append(jdbc.queryForObject("SHOW server_version", String.class))
                    .append(" (the tests' server), ")
                    .append(CARDS)
                    .append(" cards of one enterprise |\n");
            md.append(
                    "| call | `GET /api/v1/cards/{iccid}` as an AGENT client with a bearer token: token check, client "
                            + "still active (kept 1 s), rate limit (Bucket4j, written every 20 requests or 200 ms), one SQL "
                            + "statement for the tenant-scoped card, its blocking reasons, end user (masked), approved "
                            + "exception and enterprise standing |\n");
            md.append("| floor | `StackFloor` (test sources): a bare Spring Boot application (Tomcat, Spring MVC, "
                    + "Jackson, HikariCP, one primary-key `SELECT` of `pgbench_accounts` per request, no security), "
                    + "same JVM, server and load |\n");
            md.append("| load | ")
                    .append(CLIENTS)
                    .append(" concurrent connections from `wrk -t2` (a separate process, HTTP/1.1 keep-alive) on "
                            + "the same machine for both, random ICCIDs / account ids |\n");
            md.append("| warm-up | card read: ")
                    .append(read.warmUp().describe())
                    .append("; floor: ")
                    .append(floor.warmUp().describe())
                    .append(" |\n");
            md.append("| rounds | ")
                    .append(ROUNDS)
                    .append(" × (")
                    .append(MEASURE.toSeconds())
                    .append(" s card reads, then ")
                    .append(MEASURE.toSeconds())
                    .append(" s floor), alternating |\n");
            md.append("| card reads/s per round | ").append(rates(reads)).append(" |\n");
            md.append("| floor requests/s per round | ").append(rates(floors)).append(" |\n");
            md.append("| card read / floor per round | ")
                    .append(ratios.stream()
                            .map(r -> String.format("%.0f %%", r * 100))
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
            md.append(String.format(
                    "| **card read / floor (median round)** | **%.0f %%** (target ≥ %.0f %%): %,.0f reads/s against"
                            + " %,.0f requests/s |%n",
                    ratio * 100, TARGET * 100, readRate, floorRate));
            md.append(String.format(
                    "| card-read latency p50 / p99 (median round) | %.1f ms / %.1f ms |%n",
                    median(reads.stream().map(Result::p50Millis).toList()),
                    median(reads.stream().map(Result::p99Millis).toList())));
            md.append(String.format(
                    "| errors (card reads, floor) | %d, %d |%n",
                    reads.stream().mapToLong(Result::errors).sum(),
                    floors.stream().mapToLong(Result::errors).sum()));
            md.append(String.format(
                    "| pgbench select-only (`-S -c %d -j 2 -T %d -M prepared`, scale 10, same server, before the "
                            + "HTTP runs) | %,.0f tps; card read %.0f %% of it, floor %.0f %% |%n",
                    CLIENTS,
                    MEASURE.toSeconds(),
                    ceiling.tps(),
                    100 * readRate / ceiling.tps(),
                    100 * floorRate / ceiling.tps()));
            md.append(String.format(
                    "| **end-user binding** over HTTP: `PUT /api/v1/cards/{iccid}/end-user` by the same AGENT "
                            + "client, a new identity on each card (sealed personal data, blind index, barred-identity"
                            + " check, the one-ID-N-cards quota counter, card lock, real-name reassessment, audit "
                            + "entry, answer read back); %s, then %d s | **%,.0f bindings/s** (%d errors), p50 %.1f ms"
                            + " / p99 %.1f ms: %.1f %% of the floor's median round |%n",
                    bind.warmUp().describe(),
                    MEASURE.toSeconds(),
                    bound.perSecond(),
                    bound.errors(),
                    bound.p50Millis(),
                    bound.p99Millis(),
                    100 * bound.perSecond() / floorRate));
            md.append(String.format(
                    "| pgbench simple-update (`-N -c %d -j 2 -T %d -M prepared`, same server, after the bindings): a "
                            + "write ceiling, **not** the binding's own statements | %,.0f tps; binding %.1f %% of it |%n",
                    CLIENTS, MEASURE.toSeconds(), writes.tps(), 100 * bound.perSecond() / writes.tps()));
            md.append("| load average before | ").append(load).append(" |\n");
            BenchmarkReport.write("card-read", md.toString());

            assertThat(reads).allSatisfy(r -> assertThat(r.errors()).isZero());
            assertThat(floors).allSatisfy(r -> assertThat(r.errors()).isZero());
            assertThat(bound.errors()).isZero();
            assertThat(ratio)
                    .as("card read / floor: %.0f %% (target ≥ %.0f %%)", ratio * 100, TARGET * 100)
                    .isGreaterThanOrEqualTo(TARGET);
        }
    }

    private static String rates(List<Result> results) {
        return results.stream().map(r -> String.format("%,.0f", r.perSecond())).collect(Collectors.joining(", "));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private List<String> seedCards(Actor ops) throws IOException {
        StringBuilder csv = new StringBuilder("iccid,msisdn,imsi,operator,planCode\n");
        List<String> iccids = new ArrayList<>(CARDS);
        for (int i = 0; i < CARDS; i++) {
            String iccid = luhn("8986" + String.format("%015d", 700_000_000_000L + i));
            iccids.add(iccid);
            csv.append(iccid)
                    .append(',')
                    .append(String.format("1440%09d", 100_000_000 + i))
                    .append(',')
                    .append(String.format("460%012d", 10_000_000L + i))
                    .append(",CHINA_MOBILE,BENCH-NONDIR\n");
        }
        var result = imports.importNow(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "bench.csv", ops);
        assertThat(result.imported()).isEqualTo(CARDS);
        return iccids;
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

    /** A load ready to be measured: its {@code wrk} script, the server's URL, and how it was warmed up. */
    record Target(String name, Path script, String url, WarmUp warmUp) {}

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    /** {@code wrk} with two threads and {@link #CLIENTS} keep-alive connections for this long; its report. */
    private String wrk(Duration duration, Path script, String url) throws IOException, InterruptedException {
        return run(List.of(
                "wrk",
                "-t2",
                "-c" + CLIENTS,
                "-d" + duration.toSeconds() + "s",
                // a binding on this shared machine can take over wrk's default 2 s: counted as an answer, not an error
                "--timeout",
                "10s",
                "--latency",
                "-s",
                script.toString(),
                url));
    }

    /**
     * The load comes from {@code wrk} (a separate C process with two threads and 32 keep-alive connections), so the
     * server is measured, not a load generator sharing its JVM. A Lua script picks a random ICCID for every request.
     */
    private Target cardReads(String token, List<String> iccids) throws IOException, InterruptedException {
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
        return new Target("card-read", script, url, warmUp(script, url));
    }

    /** The same load against {@link StackFloor} on the pgbench database: random account ids of scale 10. */
    private Target stackFloor(int floorPort) throws IOException, InterruptedException {
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
        String url = "http://127.0.0.1:" + floorPort;
        return new Target("stack-floor", script, url, warmUp(script, url));
    }

    /**
     * End-user bindings by the same client and load: each of wrk's two threads walks its half of the cards, binding
     * a new identity to each (after the last card it starts again, and the card's own identity is bound again).
     */
    private Target bindings(String token, List<String> iccids) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of("target/bench"));
        List<String> lines = new ArrayList<>(iccids.size());
        for (String iccid : iccids) {
            lines.add(iccid + " " + CardFixtures.newIdentity().number());
        }
        Path list = Files.write(dir.resolve("bindings.txt"), lines, StandardCharsets.UTF_8);
        Path script = dir.resolve("end-user-binding.lua");
        Files.writeString(script, """
                local lines = {}
                for line in io.lines("%s") do lines[#lines + 1] = line end
                local headers = { ["Authorization"] = "Bearer %s", ["Accept"] = "application/json",
                                  ["Content-Type"] = "application/json" }
                local counter = 0
                setup = function(thread) counter = counter + 1; thread:set("id", counter) end
                local n = 0
                init = function(args) n = id end
                request = function()
                  n = n + 2
                  local iccid, number = lines[n %% #lines + 1]:match("(%%S+) (%%S+)")
                  local body = '{"name":"王小明","idType":"RESIDENT_ID","idNumber":"' .. number
                      .. '","idAddress":"北京市东城区东华门街道 1 号"}'
                  return wrk.format("PUT", "/api/v1/cards/" .. iccid .. "/end-user", headers, body)
                end
                """.formatted(list.toAbsolutePath(), token), StandardCharsets.UTF_8);
        String url = "http://127.0.0.1:" + port;
        return new Target("end-user-binding", script, url, warmUp(script, url));
    }

    /** One measured {@code wrk} run; its report is kept under {@code target/bench}. */
    private Result measure(Target target, int round) throws IOException, InterruptedException {
        String output = wrk(MEASURE, target.script(), target.url());
        Files.writeString(
                Path.of("target/bench").resolve(target.name() + "-wrk-" + round + ".txt"),
                output,
                StandardCharsets.UTF_8);
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

    private boolean pgbenchInitialised;

    /**
     * {@code pgbench} on the same server with {@link #CLIENTS} clients: {@code -S} select-only (the floor reads the
     * same table), {@code -N} simple-update (a write transaction: three updates and an insert).
     */
    private Ceiling pgbench(String mode) throws IOException, InterruptedException {
        TestPostgres server = TestPostgres.server();
        Matcher address = Pattern.compile("//([^:/]+):(\\d+)/").matcher(server.url("postgres"));
        assertThat(address.find()).isTrue();
        List<String> connection = List.of("-h", address.group(1), "-p", address.group(2), "-U", server.user());
        if (!pgbenchInitialised) {
            // the application's role may not create databases: the server's superuser does
            JdbcTemplate owner = DatabaseOwner.template(environment);
            owner.execute("DROP DATABASE IF EXISTS pgbench_ceiling");
            owner.execute("CREATE DATABASE pgbench_ceiling");
            run(concat(List.of("pgbench", "-i", "-q", "-s", "10"), connection, List.of("pgbench_ceiling")));
            pgbenchInitialised = true;
        }
        String output = run(concat(
                List.of(
                        "pgbench",
                        mode,
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

    private static String luhn(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return body + (10 - sum % 10) % 10;
    }

    record Result(double perSecond, long errors, double p50Millis, double p99Millis) {}

    record Ceiling(double tps) {}
}
