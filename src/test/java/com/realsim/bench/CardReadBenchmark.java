package com.realsim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.ApiClientService;
import com.realsim.account.IssuedCredentials;
import com.realsim.account.NewApiClient;
import com.realsim.card.CardImportService;
import com.realsim.card.NewServicePlan;
import com.realsim.card.ServiceDirection;
import com.realsim.card.ServicePlanService;
import com.realsim.enterprise.EnterpriseFixtures;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.BenchmarkReport;
import com.realsim.testsupport.PartnerApiClient;
import com.realsim.testsupport.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Card-status reads over real HTTP ({@code GET /api/v1/cards/{iccid}} with a bearer token, 32 concurrent clients),
 * next to {@code pgbench -S} (select-only) with 32 clients on the same PostgreSQL server as the ceiling. Target: at
 * least 20% of that ceiling. Writes the "card-read" section of {@code docs/benchmarks.md}; run with
 * {@code ./mvnw -Pbench verify -Dtest=CardReadBenchmark}. Needs {@code pgbench} on the PATH.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"realsim.api.rate-limit.per-second=100000000", "realsim.api.rate-limit.burst=100000000"})
class CardReadBenchmark {

    static final int CARDS = 20_000;
    static final int CLIENTS = 32;
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 30));
    static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));

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

    @Test
    void cardStatusReadsPerSecondAgainstThePgbenchCeiling() throws Exception {
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
        jdbc.execute("ANALYZE");
        IssuedCredentials credentials =
                clients.create(new NewApiClient("bench agent", Role.AGENT, agentId, null), admin);
        String token = PartnerApiClient.signedIn(port, credentials.clientId(), credentials.clientSecret())
                .token();

        String load = BenchmarkReport.load();
        Result http = readCards(token, iccids);
        Ceiling ceiling = pgbenchSelectOnly();
        double share = http.perSecond() / ceiling.tps();

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
                .append(" concurrent clients (JDK HttpClient, HTTP/1.1, keep-alive) on the "
                        + "same machine, random ICCIDs, ")
                .append(WARM_UP.toSeconds())
                .append(" s warm-up, ")
                .append(MEASURE.toSeconds())
                .append(" s measured |\n");
        md.append(String.format("| **reads/s** | **%,.0f** (%d errors) |%n", http.perSecond(), http.errors()));
        md.append(String.format("| latency p50 / p99 | %.1f ms / %.1f ms |%n", http.p50Millis(), http.p99Millis()));
        md.append(String.format(
                "| ceiling: `pgbench -S -c %d -j 2 -T %d -M prepared`, scale 10, same server | %,.0f tps |%n",
                CLIENTS, MEASURE.toSeconds(), ceiling.tps()));
        md.append(String.format("| **share of the ceiling** | **%.0f %%** (target ≥ 20 %%) |%n", share * 100));
        md.append("| load average before | ").append(load).append(" |\n");
        BenchmarkReport.write("card-read", md.toString());

        assertThat(http.errors()).isZero();
        assertThat(http.perSecond()).isPositive();
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

    private Result readCards(String token, List<String> iccids) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long[][] latencies = new long[CLIENTS][];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                long[] mine = new long[200_000];
                int n = 0;
                while (running.get()) {
                    String iccid = iccids.get(ThreadLocalRandom.current().nextInt(iccids.size()));
                    HttpRequest request = HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + port + "/api/v1/cards/" + iccid))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json")
                            .GET()
                            .build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (measuring.get()) {
                            if (response.statusCode() == 200) {
                                ok.incrementAndGet();
                                if (n < mine.length) {
                                    mine[n++] = System.nanoTime() - start;
                                }
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    } catch (IOException e) {
                        if (measuring.get()) {
                            errors.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                latencies[client] = Arrays.copyOf(mine, n);
            });
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(WARM_UP.toMillis());
        measuring.set(true);
        long started = System.nanoTime();
        Thread.sleep(MEASURE.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(
                ok.get() / seconds,
                errors.get(),
                all.length == 0 ? 0 : all[all.length / 2] / 1e6,
                all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1e6);
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
