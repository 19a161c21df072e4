package com.realsim.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.ApiClientService;
import com.realsim.account.IssuedCredentials;
import com.realsim.account.NewApiClient;
import com.realsim.audit.AuditTrail;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardService;
import com.realsim.card.CardView;
import com.realsim.card.domain.QuotaDriftCheck;
import com.realsim.enterprise.EnterpriseFixtures;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.identity.IdDocument;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.BenchmarkReport;
import com.realsim.testsupport.PartnerApiClient;
import com.realsim.testsupport.PartnerApiClient.Answer;
import com.realsim.testsupport.RunAs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A mixed load over real HTTP with {@value #CLIENTS} concurrent partner clients: end-user bindings racing for a few
 * identities (so that the one-ID-N-cards limit is hit all the time), activations of cards that may and may not work
 * yet, card reads, exports of the agent's cards (CSV and XLSX, made, polled and downloaded), and an inventory import
 * running meanwhile. Afterwards the invariants hold: no 5xx, every counter equals its bound cards, no identity over its
 * limit, no working card without its real-name, the import stored every line, every export finished with all of the
 * agent's cards and its CSV files hold them, and the audit chain verifies.
 *
 * <p>{@code realsim.load.seconds} sets the duration: 5 s in the normal build, 60 s with {@code ./mvnw -Pload
 * verify}, which also writes the figures into docs/reliability.md ({@code realsim.load.report=true}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"realsim.api.rate-limit.per-second=100000000", "realsim.api.rate-limit.burst=100000000"})
class MixedLoadTest {

    private static final Logger log = LoggerFactory.getLogger(MixedLoadTest.class);

    static final int CLIENTS = 32;
    static final int IDENTITIES = 12;
    static final int BINDABLE = 400;
    static final int DATA_CARDS = 400;
    static final int IMPORTED = 5_000;

    enum Op {
        READ,
        BIND,
        ACTIVATE,
        IMPORT,
        EXPORT,
        EXPORT_STATUS,
        EXPORT_FILE
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Autowired
    ApiClientService apiClients;

    @Autowired
    EnterpriseService enterprises;

    @Autowired
    CardService cardService;

    @Autowired
    QuotaDriftCheck driftCheck;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcTemplate sql;

    /** One answer: its kind, status, refusal code (for a 4xx) and time. */
    record Sample(Op op, int status, String code, long nanos) {}

    @Test
    void aMixedLoadOverHttpKeepsEveryInvariant() throws Exception {
        Duration duration = Duration.ofSeconds(Long.getLong("realsim.load.seconds", 5));
        Actor admin = ActorAuthentication.actor(Role.ADMIN, null, null);
        CardFixtures fx = new CardFixtures(context);
        long agentId = accounts.createAgent("压力测试渠道 " + System.nanoTime()).id();
        long enterpriseId = new EnterpriseFixtures(enterprises)
                .verified(agentId, EnterpriseFixtures.code(0))
                .id();
        List<String> bindable = fx.enterpriseCards(BINDABLE, "138", fx.nonDirectionalDataPlan(), agentId, enterpriseId);
        List<String> dataCards = fx.enterpriseCards(DATA_CARDS, "138", fx.directionalDataPlan(), agentId, enterpriseId);
        List<String> all = new ArrayList<>(bindable);
        all.addAll(dataCards);
        List<IdDocument> identities = new ArrayList<>();
        for (int i = 0; i < IDENTITIES; i++) {
            identities.add(CardFixtures.newIdentity());
        }
        IssuedCredentials agentClient =
                apiClients.create(new NewApiClient("load agent", Role.AGENT, agentId, null), admin);
        IssuedCredentials opsClient = apiClients.create(new NewApiClient("load ops", Role.OPS, null, null), admin);
        String agentToken = PartnerApiClient.signedIn(port, agentClient.clientId(), agentClient.clientSecret())
                .token();
        String opsToken = PartnerApiClient.signedIn(port, opsClient.clientId(), opsClient.clientSecret())
                .token();
        String plan = fx.directionalDataPlan();
        StringBuilder csv = new StringBuilder("iccid,msisdn,imsi,operator,planCode\n");
        List<String> importedIccids = new ArrayList<>();
        for (int i = 0; i < IMPORTED; i++) {
            String iccid = CardFixtures.iccid();
            importedIccids.add(iccid);
            csv.append(CardFixtures.row(iccid, CardFixtures.msisdn("147"), "CHINA_MOBILE", plan))
                    .append('\n');
        }

        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        Map<Integer, String> serverErrors = new ConcurrentHashMap<>();
        AtomicBoolean imported = new AtomicBoolean();
        List<Long> exportIds = new java.util.concurrent.CopyOnWriteArrayList<>();
        Map<Long, String> exportFiles = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long until = System.nanoTime() + duration.toNanos();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                PartnerApiClient agent = new PartnerApiClient(port).withToken(agentToken);
                PartnerApiClient ops = new PartnerApiClient(port).withToken(opsToken);
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < until) {
                    Op op;
                    Answer answer;
                    long start = System.nanoTime();
                    if (client == 0 && !imported.get()) {
                        op = Op.IMPORT;
                        answer = ops.postCsv("/api/v1/cards/import", csv.toString());
                        imported.set(answer.status() == 200);
                    } else {
                        int dice = random.nextInt(100);
                        if (dice < 1) {
                            op = Op.EXPORT;
                            answer = agent.post(
                                    "/api/v1/exports",
                                    Map.of(
                                            "kind",
                                            "CARDS",
                                            "format",
                                            random.nextBoolean() ? "CSV" : "XLSX",
                                            "filter",
                                            Map.of("enterpriseId", Long.toString(enterpriseId))));
                            if (answer.status() == 202) {
                                exportIds.add(answer.json().get("id").asLong());
                            }
                        } else if (dice < 4 && !exportIds.isEmpty()) {
                            long id = exportIds.get(random.nextInt(exportIds.size()));
                            if (random.nextBoolean()) {
                                op = Op.EXPORT_STATUS;
                                answer = agent.get("/api/v1/exports/" + id);
                            } else {
                                op = Op.EXPORT_FILE;
                                answer = agent.get("/api/v1/exports/" + id + "/file");
                                if (answer.status() == 200 && answer.body().startsWith("iccid,")) {
                                    exportFiles.putIfAbsent(id, answer.body());
                                }
                            }
                        } else if (dice < 44) {
                            op = Op.READ;
                            answer = agent.get("/api/v1/cards/" + all.get(random.nextInt(all.size())));
                        } else if (dice < 74) {
                            op = Op.BIND;
                            IdDocument person = identities.get(random.nextInt(IDENTITIES));
                            answer = agent.put(
                                    "/api/v1/cards/" + bindable.get(random.nextInt(BINDABLE)) + "/end-user",
                                    Map.of(
                                            "name", "王小明",
                                            "idType", "RESIDENT_ID",
                                            "idNumber", person.number(),
                                            "idAddress", "北京市东城区景山前街4号"));
                        } else {
                            op = Op.ACTIVATE;
                            answer = agent.post(
                                    "/api/v1/cards/" + all.get(random.nextInt(all.size())) + "/activate", null);
                        }
                    }
                    long nanos = System.nanoTime() - start;
                    samples.add(new Sample(op, answer.status(), answer.status() >= 400 ? answer.code() : null, nanos));
                    if (answer.status() >= 500) {
                        serverErrors.putIfAbsent(answer.status(), op + " " + answer.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get(duration.toSeconds() + 300, TimeUnit.SECONDS);
        }
        pool.shutdown();

        // no 5xx, and every kind of call was made and some of each succeeded
        assertThat(serverErrors).as("answers with a 5xx status").isEmpty();
        for (Op op : Op.values()) {
            assertThat(samples).as(op + " succeeded").anyMatch(s -> s.op() == op && s.status() < 300);
        }
        assertThat(samples).allMatch(s -> s.status() < 500);
        // every write of a card holds the card's row lock: no act may lose an optimistic race (it once did, and
        // answered 500, then 409 CHANGED_MEANWHILE; see LockedCards and OneCardRaceTest)
        assertThat(samples)
                .as("acts that lost an optimistic race on a locked card")
                .noneMatch(s -> "CHANGED_MEANWHILE".equals(s.code()));

        // every export finished with all of the agent's cards, and each CSV file fetched holds them with its header
        Awaitility.await()
                .atMost(Duration.ofMinutes(3))
                .until(() -> sql.queryForObject(
                                "SELECT count(*) FROM export_file WHERE id = ANY (?) AND status IN ('QUEUED', 'RUNNING')",
                                Long.class,
                                (Object) exportIds.toArray(Long[]::new))
                        == 0);
        assertThat(sql.queryForList(
                        "SELECT status || ' ' || rows_done FROM export_file WHERE id = ANY (?)", String.class, (Object)
                                exportIds.toArray(Long[]::new)))
                .as("exports made under load")
                .hasSize(exportIds.size())
                .containsOnly("DONE " + (BINDABLE + DATA_CARDS));
        assertThat(exportFiles.values())
                .as("CSV files downloaded under load")
                .allSatisfy(file -> assertThat(file.split("\r\n")).hasSize(1 + BINDABLE + DATA_CARDS));

        // the import stored every line, once
        assertThat(sql.queryForObject("SELECT count(*) FROM card WHERE iccid = ANY (?)", Long.class, (Object)
                        importedIccids.toArray(String[]::new)))
                .isEqualTo(IMPORTED);

        // counters equal the bound cards, and nobody holds more than the limit
        assertThat(driftCheck.checkNow()).as("drifted counters").isZero();
        assertThat(sql.queryForObject("""
                        SELECT count(*) FROM (
                            SELECT c.operator, e.id_number_bidx, count(*) AS held
                              FROM card_end_user e JOIN card c ON c.id = e.card_id
                             WHERE e.ended_at IS NULL AND c.state <> 'CANCELLED'
                             GROUP BY c.operator, e.id_number_bidx) h
                          JOIN operator_setting s ON s.operator = h.operator
                         WHERE h.held > s.max_cards_per_id""", Long.class))
                .as("identities over their limit")
                .isZero();

        // no card works without its real-name: every ACTIVE card's real-name is complete on the facts
        List<String> active = sql.queryForList(
                "SELECT iccid FROM card WHERE enterprise_id = ? AND state = 'ACTIVE'", String.class, enterpriseId);
        assertThat(active).isNotEmpty();
        Actor ops = ActorAuthentication.actor(Role.OPS, null, null);
        for (String iccid : active) {
            CardView card = RunAs.run(ops, () -> cardService.view(iccid));
            assertThat(card.realName().satisfied())
                    .as(iccid + " works with its real-name complete")
                    .isTrue();
        }
        assertThat(active).doesNotContainAnyElementsOf(bindable); // their end users were never verified

        // the audit trail has every event of the run and still verifies
        Awaitility.await()
                .atMost(Duration.ofMinutes(3))
                .until(() -> sql.queryForObject(
                                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL", Long.class)
                        == 0);
        assertThat(trail.verify().ok()).isTrue();

        String figures = figures(samples, duration, active.size(), exportIds.size(), exportFiles.size());
        log.info("Mixed load figures:\n{}", figures);
        if (Boolean.getBoolean("realsim.load.report")) {
            BenchmarkReport.write(Path.of("docs/reliability.md"), "load", figures);
        }
    }

    private String figures(
            ConcurrentLinkedQueue<Sample> samples, Duration duration, int activeCards, int exports, int files) {
        StringBuilder md = new StringBuilder("### Load held (`./mvnw -Pload verify`, `MixedLoadTest`)\n\n");
        md.append("Measured ")
                .append(BenchmarkReport.today())
                .append(" on ")
                .append(BenchmarkReport.machine())
                .append(": ")
                .append(CLIENTS)
                .append(" concurrent HTTP clients for ")
                .append(duration.toSeconds())
                .append(" s against one instance (PostgreSQL: the tests' server), bindings racing for ")
                .append(IDENTITIES)
                .append(" identities over ")
                .append(BINDABLE)
                .append(" cards, activations over ")
                .append(BINDABLE + DATA_CARDS)
                .append(" cards, reads, exports of the agent's ")
                .append(BINDABLE + DATA_CARDS)
                .append(" cards (CSV or XLSX: 1 % of the calls make one, 3 % read one's status or file — 409 until it"
                        + " is written), one import of ")
                .append(IMPORTED)
                .append(" lines meanwhile.\n\n");
        md.append("| call | requests | 2xx | 4xx | 5xx | p50 ms | p95 ms | p99 ms | max ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Op op : Op.values()) {
            List<Sample> of = samples.stream().filter(s -> s.op() == op).toList();
            long[] nanos = of.stream().mapToLong(Sample::nanos).sorted().toArray();
            md.append(String.format(
                    "| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f |%n",
                    op.name().toLowerCase(),
                    of.size(),
                    of.stream().filter(s -> s.status() < 300).count(),
                    of.stream()
                            .filter(s -> s.status() >= 400 && s.status() < 500)
                            .count(),
                    of.stream().filter(s -> s.status() >= 500).count(),
                    percentile(nanos, 50),
                    percentile(nanos, 95),
                    percentile(nanos, 99),
                    nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6));
        }
        Map<String, Long> refusals = new TreeMap<>();
        samples.stream()
                .filter(s -> s.status() >= 400 && s.status() < 500)
                .forEach(s -> refusals.merge(s.op().name().toLowerCase() + " " + s.code(), 1L, Long::sum));
        md.append("\nThe 4xx by call and code: ");
        md.append(
                refusals.isEmpty()
                        ? "none"
                        : String.join(
                                ", ",
                                refusals.entrySet().stream()
                                        .map(e -> "`" + e.getKey() + "` " + e.getValue())
                                        .toList()));
        md.append(String.format(
                ".%n%nThroughput %.0f requests/s; load average %s at the end (every build on the machine counts)."
                        + " Afterwards: no 5xx; no act lost an optimistic race (`CHANGED_MEANWHILE`); every"
                        + " one-ID-N-cards counter equal to its bound cards; no identity over its limit; %d working"
                        + " cards, each with its real-name complete; the import's %d lines all stored; %d exports made,"
                        + " every one DONE with the agent's %d cards, and the %d CSV files downloaded hold them; the"
                        + " audit chain verified.%n",
                samples.size() / (double) duration.toSeconds(),
                BenchmarkReport.load(),
                activeCards,
                IMPORTED,
                exports,
                BINDABLE + DATA_CARDS,
                files));
        return md.toString();
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
