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
import java.util.Map;
import java.util.TreeMap;
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

    static final int CARDS = 150_000;

    /** The cards' slices: HTTP bindings while warming up, measured HTTP bindings, pgbench's bindings. */
    static final int MEASURED_BINDINGS_FROM = 60_000;

    static final int PGBENCH_BINDINGS_FROM = 100_000;
    static final int CLIENTS = 32;
    /** Warm-up in rounds of this length until the rate is steady (or {@link #WARM_UP_LIMIT}), the same for every load. */
    static final Duration WARM_UP_ROUND = Duration.ofSeconds(Long.getLong("bench.warmup-round", 15));

    static final Duration WARM_UP_LIMIT = Duration.ofSeconds(Long.getLong("bench.warmup", 600));
    /** Steady: the last {@link #STEADY_ROUNDS} warm-up rounds' rates lie within this share of their highest. */
    static final double STEADY = 0.05;

    static final int STEADY_ROUNDS = 3;

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
            WarmUp readWarmUp = warmUp(read);
            Target floor = stackFloor(StackFloor.port(floorApp));
            WarmUp floorWarmUp = warmUp(floor);
            // the two alternate, so that the other builds on this machine weigh on both alike
            List<Result> reads = new ArrayList<>();
            List<Result> floors = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                reads.add(measure(read, round));
                floors.add(measure(floor, round));
            }
            WarmUp bindWarmUp =
                    warmUp(bindings("end-user-binding-warm-up", token, iccids.subList(0, MEASURED_BINDINGS_FROM)));
            Result bound = measure(
                    bindings("end-user-binding", token, iccids.subList(MEASURED_BINDINGS_FROM, PGBENCH_BINDINGS_FROM)),
                    1);
            Ceiling writes = pgbench("-N");
            SqlBindings sqlBindings =
                    sqlBindings(agentId, enterprise.id(), iccids.subList(PGBENCH_BINDINGS_FROM, CARDS));

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
                    .append(readWarmUp.describe())
                    .append("; floor: ")
                    .append(floorWarmUp.describe())
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
                    bindWarmUp.describe(),
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
            md.append(String.format(
                    "| binding answers (measured run) | %s%s |%n",
                    bound.statuses().entrySet().stream()
                            .map(e -> String.format("%d × %,d", e.getKey(), e.getValue()))
                            .collect(Collectors.joining(", ")),
                    bound.firstError() == null ? "" : "; first error: `" + bound.firstError() + "`"));
            md.append(String.format(
                    "| **pgbench with the binding's own statements** (`end-user-binding.pgbench.sql`: the request's "
                            + "transaction, then the audit entry's; `-c %d -j 2 -T %d -M prepared`, same database, "
                            + "cards no HTTP binding touched, after the HTTP runs) | %,.0f tps (%,d transactions, %d "
                            + "failed, %,d bindings in the table); **binding over HTTP %.0f %% of it** |%n",
                    CLIENTS,
                    MEASURE.toSeconds(),
                    sqlBindings.tps(),
                    sqlBindings.transactions(),
                    sqlBindings.failed(),
                    sqlBindings.bound(),
                    100 * bound.perSecond() / sqlBindings.tps()));
            md.append("| load average before | ").append(load).append(" |\n");
            BenchmarkReport.write("card-read", md.toString());

            assertThat(reads).allSatisfy(r -> assertThat(r.errors()).isZero());
            assertThat(floors).allSatisfy(r -> assertThat(r.errors()).isZero());
            assertThat(bound.errors()).isZero();
            assertThat(bound.statuses()).as("binding answers by status").containsOnlyKeys(200);
            assertThat(sqlBindings.failed()).isZero();
            // every transaction bound one card (one more per client may have committed as the time ran out)
            assertThat(sqlBindings.bound()).isBetween(sqlBindings.transactions(), sqlBindings.transactions() + CLIENTS);
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
     * climbs all the while (430 → 1,470 reads/s over six minutes in one run). Rounds of load until the rate is steady
     * — the last {@link #STEADY_ROUNDS} rounds within {@link #STEADY} of their highest — at most {@link
     * #WARM_UP_LIMIT}; the same rule for every load measured, the card read's, the floor's and the binding's. How busy
     * the JIT compiler was in the last round is reported beside it.
     */
    private WarmUp warmUp(Target target) throws IOException, InterruptedException {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        long started = System.nanoTime();
        long deadline = started + WARM_UP_LIMIT.toNanos();
        List<Long> rates = new ArrayList<>();
        double compiling;
        do {
            long compiledBefore = compiler.getTotalCompilationTime();
            String output = wrk(WARM_UP_ROUND, target.scripts().next(), target.url());
            Matcher rate = REQUESTS_PER_SECOND.matcher(output);
            rates.add(rate.find() ? Math.round(Double.parseDouble(rate.group(1))) : -1);
            compiling = (compiler.getTotalCompilationTime() - compiledBefore) / (double) WARM_UP_ROUND.toMillis();
        } while (!steady(rates) && System.nanoTime() < deadline);
        return new WarmUp(rates, steady(rates), compiling, Duration.ofNanos(System.nanoTime() - started));
    }

    static boolean steady(List<Long> rates) {
        if (rates.size() < STEADY_ROUNDS) {
            return false;
        }
        List<Long> last = rates.subList(rates.size() - STEADY_ROUNDS, rates.size());
        long highest = last.stream().mapToLong(Long::longValue).max().orElseThrow();
        long lowest = last.stream().mapToLong(Long::longValue).min().orElseThrow();
        return lowest > 0 && lowest >= highest * (1 - STEADY);
    }

    /** The warm-up rounds' rates, whether they ended steady, how busy the JIT compiler was in the last one. */
    record WarmUp(List<Long> rates, boolean steady, double lastRoundCompiling, Duration took) {

        String describe() {
            return String.format(
                    "%d rounds of %d s (%d s), %s; JIT compiler busy %.0f %% of the last round (per round: %s/s)",
                    rates.size(),
                    WARM_UP_ROUND.toSeconds(),
                    took.toSeconds(),
                    steady
                            ? String.format(
                                    "until the last %d were within %.0f %% of each other", STEADY_ROUNDS, STEADY * 100)
                            : String.format(
                                    "stopped by the %d-s limit before %d rounds were within %.0f %%",
                                    WARM_UP_LIMIT.toSeconds(), STEADY_ROUNDS, STEADY * 100),
                    lastRoundCompiling * 100,
                    rates.stream().map(r -> String.format("%,d", r)).collect(Collectors.joining(", ")));
        }
    }

    /** Where a load's {@code wrk} script comes from: the same one each run, or a new one each run. */
    @FunctionalInterface
    interface Scripts {
        Path next() throws IOException;
    }

    /** A load to be measured: its {@code wrk} scripts and the server's URL; warmed up by {@link #warmUp(Target)}. */
    record Target(String name, Scripts scripts, String url) {}

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
        return new Target("card-read", () -> script, url);
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
        return new Target("stack-floor", () -> script, url);
    }

    /**
     * End-user bindings by the same client and load, never two at once on one card or one identity: every run of
     * {@code wrk} (warm-up round or measured) gets a new script whose lines pair each card with an identity never bound
     * before; its connections take the lines in turn (each of wrk's two threads walks its half), so no two requests
     * race for a card, and none meets the one-ID-N-cards limit. A card bound in an earlier run gets its next end user
     * in place of the previous one (which gives that identity's slot back), as an agent correcting a binding would.
     * Every answer's status is counted, and the first answer that was not 2xx kept, so that errors can be named.
     */
    private Target bindings(String name, String token, List<String> iccids) {
        Path dir = Path.of("target/bench");
        int[] runs = {0};
        Scripts scripts = () -> {
            Files.createDirectories(dir);
            int run = ++runs[0];
            List<String> lines = new ArrayList<>(iccids.size());
            for (String iccid : iccids) {
                lines.add(iccid + " " + CardFixtures.newIdentity().number());
            }
            Path list = Files.write(dir.resolve(name + "-" + run + ".txt"), lines, StandardCharsets.UTF_8);
            Path script = dir.resolve(name + "-" + run + ".lua");
            Files.writeString(script, """
                    local lines = {}
                    for line in io.lines("%s") do lines[#lines + 1] = line end
                    local headers = { ["Authorization"] = "Bearer %s", ["Accept"] = "application/json",
                                      ["Content-Type"] = "application/json" }
                    local threads = {}
                    local counter = 0
                    setup = function(thread)
                      counter = counter + 1; thread:set("id", counter); table.insert(threads, thread)
                    end
                    local n = 0
                    statuses = {}
                    firstError = ""
                    init = function(args) n = id end
                    request = function()
                      n = n + 2
                      if n > #lines then error("bindings: the run used up its " .. #lines .. " fresh identities") end
                      local iccid, number = lines[n]:match("(%%S+) (%%S+)")
                      local body = '{"name":"王小明","idType":"RESIDENT_ID","idNumber":"' .. number
                          .. '","idAddress":"北京市东城区东华门街道 1 号"}'
                      return wrk.format("PUT", "/api/v1/cards/" .. iccid .. "/end-user", headers, body)
                    end
                    response = function(status, headers, body)
                      statuses[status] = (statuses[status] or 0) + 1
                      if status >= 300 and firstError == "" then firstError = status .. " " .. body end
                    end
                    done = function(summary, latency, requests)
                      for _, thread in ipairs(threads) do
                        for status, count in pairs(thread:get("statuses")) do
                          io.write("STATUS " .. status .. " " .. count .. "\\n")
                        end
                        local first = thread:get("firstError")
                        if first ~= "" then io.write("FIRST ERROR " .. first:gsub("\\n", " ") .. "\\n") end
                      end
                    end
                    """.formatted(list.toAbsolutePath(), token), StandardCharsets.UTF_8);
            return script;
        };
        return new Target(name, scripts, "http://127.0.0.1:" + port);
    }

    /** One measured {@code wrk} run; its report is kept under {@code target/bench}. */
    private Result measure(Target target, int round) throws IOException, InterruptedException {
        String output = wrk(MEASURE, target.scripts().next(), target.url());
        Files.writeString(
                Path.of("target/bench").resolve(target.name() + "-wrk-" + round + ".txt"),
                output,
                StandardCharsets.UTF_8);
        Matcher rate = REQUESTS_PER_SECOND.matcher(output);
        assertThat(rate.find()).as(output).isTrue();
        assertThat(output).as("the wrk script ran").doesNotContain(".lua:");
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
        Map<Integer, Long> statuses = new TreeMap<>();
        Matcher status = Pattern.compile("STATUS (\\d+) (\\d+)").matcher(output);
        while (status.find()) {
            statuses.merge(Integer.parseInt(status.group(1)), Long.parseLong(status.group(2)), Long::sum);
        }
        Matcher firstError = Pattern.compile("FIRST ERROR (.*)").matcher(output);
        return new Result(
                Double.parseDouble(rate.group(1)),
                failed,
                millis(output, "50%"),
                millis(output, "99%"),
                statuses,
                firstError.find() ? firstError.group(1) : null);
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

    /** pgbench running the binding's own statements: its rate, and how many of its transactions failed. */
    record SqlBindings(double tps, long transactions, long failed, long bound) {}

    /**
     * {@code pgbench} with the binding's own statements ({@code end-user-binding.pgbench.sql}, recorded from the
     * application) on the application's database, on cards no HTTP binding touched: the SQL ceiling of a binding.
     */
    private SqlBindings sqlBindings(long agentId, long enterpriseId, List<String> iccids)
            throws IOException, InterruptedException {
        long first = jdbc.queryForObject("SELECT id FROM card WHERE iccid = ?", Long.class, iccids.get(0));
        long last =
                jdbc.queryForObject("SELECT id FROM card WHERE iccid = ?", Long.class, iccids.get(iccids.size() - 1));
        long unbound = jdbc.queryForObject(
                "SELECT count(*) FROM card c WHERE c.id BETWEEN ? AND ? AND c.iccid BETWEEN ? AND ?"
                        + " AND NOT EXISTS (SELECT 1 FROM card_end_user u WHERE u.card_id = c.id)",
                Long.class,
                first,
                last,
                iccids.get(0),
                iccids.get(iccids.size() - 1));
        assertThat(List.of(last - first + 1, unbound))
                .as("pgbench's cards: ids %d to %d, all unbound", first, last)
                .containsOnly((long) iccids.size());
        JdbcTemplate owner = DatabaseOwner.template(environment);
        owner.execute("DROP TABLE IF EXISTS bench_audit_entry, bench_audit_chain_head, bench_event_publication");
        owner.execute("CREATE TABLE bench_audit_entry (LIKE audit_entry INCLUDING ALL)");
        owner.execute("CREATE TABLE bench_audit_chain_head (LIKE audit_chain_head INCLUDING ALL)");
        owner.execute("CREATE TABLE bench_event_publication (LIKE event_publication INCLUDING ALL)");
        owner.execute("INSERT INTO bench_audit_chain_head (singleton, last_hash) VALUES (true, repeat('0', 64))");
        Path script = Path.of("target/bench/end-user-binding.pgbench.sql");
        try (var in = getClass().getResourceAsStream("end-user-binding.pgbench.sql")) {
            Files.write(script, in.readAllBytes());
        }
        TestPostgres server = TestPostgres.server();
        Matcher address = Pattern.compile("//([^:/]+):(\\d+)/").matcher(server.url("postgres"));
        assertThat(address.find()).isTrue();
        String output = run(List.of(
                "pgbench",
                "-n",
                "-f",
                script.toString(),
                "-M",
                "prepared",
                "-c",
                Integer.toString(CLIENTS),
                "-j",
                "2",
                "-T",
                Long.toString(MEASURE.toSeconds()),
                "-D",
                "first_card=" + first,
                "-D",
                "clients=" + CLIENTS,
                "-D",
                "n=0",
                "-D",
                "agent=" + agentId,
                "-D",
                "enterprise=" + enterpriseId,
                "-h",
                address.group(1),
                "-p",
                address.group(2),
                "-U",
                server.user(),
                jdbc.queryForObject("SELECT current_database()", String.class)));
        Files.writeString(Path.of("target/bench/end-user-binding-pgbench.txt"), output, StandardCharsets.UTF_8);
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        Matcher processed = Pattern.compile("number of transactions actually processed: (\\d+)")
                .matcher(output);
        Matcher failed =
                Pattern.compile("number of failed transactions: (\\d+)").matcher(output);
        assertThat(tps.find() && processed.find()).as(output).isTrue();
        long bound = jdbc.queryForObject(
                "SELECT count(*) FROM card_end_user WHERE card_id BETWEEN ? AND ?", Long.class, first, last);
        return new SqlBindings(
                Double.parseDouble(tps.group(1)),
                Long.parseLong(processed.group(1)),
                failed.find() ? Long.parseLong(failed.group(1)) : 0,
                bound);
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

    /** One measured run: its rate, its errors, its latency, and (bindings) the answers' statuses, the first error. */
    record Result(
            double perSecond,
            long errors,
            double p50Millis,
            double p99Millis,
            Map<Integer, Long> statuses,
            String firstError) {}

    record Ceiling(double tps) {}
}
