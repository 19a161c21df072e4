package com.realsim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.AgentSummary;
import com.realsim.account.ApiClientService;
import com.realsim.account.IssuedCredentials;
import com.realsim.account.NewApiClient;
import com.realsim.card.CardFixtures;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.order.OrderFixtures;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.BenchmarkReport;
import com.realsim.testsupport.PartnerApiClient;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.SuspendableAgents;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hand-over of a suspended agent's customers — four enterprises with 10,000 cards (some with end users) — over
 * real HTTP: {@code POST /api/v1/agents/{id}/hand-over} by an ADMIN client, after a warm-up hand-over of 20 cards.
 * The ceiling measured in the same run: the same set-based statements run bare in one transaction (what moving these
 * rows costs the database, without the application's checks, locks, steps and audit publication). Target: within
 * {@link #TARGET}. Writes the "hand-over" section of {@code docs/benchmarks.md}; run with {@code ./mvnw -Pbench verify
 * -Dtest=HandOverBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"realsim.api.rate-limit.per-second=100000000", "realsim.api.rate-limit.burst=100000000"})
class HandOverBenchmark {

    private static final Logger log = LoggerFactory.getLogger(HandOverBenchmark.class);

    static final int CARDS = 10_000;
    static final int ENTERPRISES = 4;
    static final int END_USERS = 20;
    static final Duration TARGET = Duration.ofSeconds(5);
    static final Actor ADMIN = ActorAuthentication.actor(Role.ADMIN, null, null);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Autowired
    ApiClientService clients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aSuspendedAgentWithTenThousandCardsHandsItsCustomersOver() throws Exception {
        IssuedCredentials credentials = clients.create(new NewApiClient("bench admin", Role.ADMIN, null, null), ADMIN);
        PartnerApiClient admin = PartnerApiClient.signedIn(port, credentials.clientId(), credentials.clientSecret());
        String load = BenchmarkReport.load();

        // warm-up: every path once (JIT, connection pool, statement caches)
        Customers warmUp = customers(1, 20, 2);
        handOver(admin, warmUp.agentId(), agent("warm-up target").id());

        long start = System.nanoTime();
        Customers customers = customers(ENTERPRISES, CARDS, END_USERS);
        Duration built = Duration.ofNanos(System.nanoTime() - start);
        long to = agent("receiver").id();
        Duration measured = handOver(admin, customers.agentId(), to);
        long moved = jdbc.sql("SELECT count(*) FROM card WHERE agent_id = ? AND enterprise_id = ANY(?)")
                .param(to)
                .param(customers.enterpriseIds().toArray(Long[]::new))
                .query(Long.class)
                .single();

        // the ceiling: the same statements, bare, in one transaction, moving the same rows on to a third agent
        long third = agent("third").id();
        Duration ceiling = bare(customers.enterpriseIds(), to, third);

        double ratio = measured.toMillis() / (double) Math.max(1, ceiling.toMillis());
        StringBuilder md = new StringBuilder("## Hand-over of an agent's 10,000 cards over HTTP\n\n| | |\n|---|---|\n");
        md.append("| machine | ").append(BenchmarkReport.machine()).append(" |\n");
        md.append("| date | ").append(BenchmarkReport.today()).append(" |\n");
        md.append("| database | PostgreSQL ")
                .append(jdbc.sql("SHOW server_version").query(String.class).single())
                .append(" (the tests' server) |\n");
        md.append(String.format(
                "| data | a suspended agent's %d enterprises with %,d cards (%d with a verified end user), built in %.1f s;"
                        + " a warm-up hand-over of 20 cards first |%n",
                ENTERPRISES, CARDS, END_USERS, built.toMillis() / 1000.0));
        md.append(String.format(
                "| ceiling, same run: the same `UPDATE … WHERE enterprise_id = ANY(…)` statements run bare in one "
                        + "transaction (JDBC, no checks, no audit) | %.2f s |%n",
                ceiling.toMillis() / 1000.0));
        md.append(String.format(
                "| **`POST /api/v1/agents/{id}/hand-over`** (locks, checks, every module's step, audit publication; "
                        + "answer received) | **%.2f s** (target ≤ %d s: %.0f %% of it; %.1f × the ceiling) |%n",
                measured.toMillis() / 1000.0,
                TARGET.toSeconds(),
                measured.toMillis() * 100.0 / TARGET.toMillis(),
                ratio));
        md.append("| cards with the new agent afterwards | ")
                .append(String.format("%,d", moved))
                .append(" |\n");
        md.append("| load average before | ").append(load).append(" |\n");
        BenchmarkReport.write("hand-over", md.toString());
        log.info(String.format(
                "hand-over of %,d cards: %.2f s, ceiling %.2f s, ratio %.1f",
                CARDS, measured.toMillis() / 1000.0, ceiling.toMillis() / 1000.0, ratio));

        assertThat(moved).isEqualTo(CARDS);
        assertThat(measured).as("hand-over of 10,000 cards").isLessThanOrEqualTo(TARGET);
    }

    record Customers(long agentId, List<Long> enterpriseIds) {}

    private AgentSummary agent(String role) {
        return SuspendableAgents.create(context, "移交基准 " + role + " " + UUID.randomUUID(), null);
    }

    /** A suspended agent's enterprises with their cards (through the card module's set-based hand-over of orders). */
    private Customers customers(int enterprises, int cards, int endUsers) {
        long agentId = agent("source").id();
        OrderFixtures orders = new OrderFixtures(context);
        CardFixtures cardFixtures = new CardFixtures(context);
        String plan = orders.dataOnlyPlan();
        List<Long> ids = new ArrayList<>();
        List<String> iccids = new ArrayList<>();
        for (int i = 0; i < enterprises; i++) {
            EnterpriseView enterprise = orders.verifiedEnterprise(agentId);
            ids.add(enterprise.id());
            iccids.addAll(orders.enterpriseCards(cards / enterprises, plan, agentId, enterprise.id()));
        }
        for (int i = 0; i < endUsers; i++) {
            cardFixtures.verifiedEndUser(agentId, iccids.get(i), CardFixtures.newIdentity());
        }
        RunAs.run(ADMIN, () -> accounts.suspendAgent(agentId, "基准：资格暂停"));
        return new Customers(agentId, ids);
    }

    private static Duration handOver(PartnerApiClient admin, long from, long to) {
        long start = System.nanoTime();
        PartnerApiClient.Answer answer =
                admin.post("/api/v1/agents/" + from + "/hand-over", Map.of("toAgentId", to, "reason", "基准：客户移交"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return took;
    }

    /** The statements of the modules' steps, as they are, without the application around them. */
    private Duration bare(List<Long> enterpriseIds, long from, long to) {
        Long[] ids = enterpriseIds.toArray(Long[]::new);
        Timestamp now = Timestamp.from(Instant.now());
        List<String> statements = List.of(
                "UPDATE enterprise SET agent_id = :to, version = version + 1 WHERE id = ANY(:ids) AND agent_id = :from",
                "UPDATE responsible_person SET agent_id = :to WHERE enterprise_id = ANY(:ids)",
                "UPDATE enterprise_change_request SET agent_id = :to WHERE enterprise_id = ANY(:ids)",
                "UPDATE enterprise_revision SET agent_id = :to WHERE enterprise_id = ANY(:ids)",
                "UPDATE stored_document SET agent_id = :to WHERE enterprise_id = ANY(:ids)",
                "UPDATE verification_case SET agent_id = :to, version = version + 1 WHERE enterprise_id = ANY(:ids)",
                "UPDATE self_service_link SET agent_id = :to WHERE enterprise_id = ANY(:ids)",
                "UPDATE exception_request SET agent_id = :to, version = version + 1 WHERE enterprise_id = ANY(:ids)",
                "UPDATE card SET agent_id = :to, updated_at = :now, version = version + 1 WHERE enterprise_id = ANY(:ids)",
                "UPDATE card_end_user SET agent_id = :to, version = version + 1 WHERE enterprise_id = ANY(:ids)",
                "UPDATE card_usage SET agent_id = :to WHERE enterprise_id = ANY(:ids)",
                "UPDATE business_order SET agent_id = :to, version = version + 1 WHERE enterprise_id = ANY(:ids)",
                "INSERT INTO audit_enterprise_holder (enterprise_id, agent_id, since) SELECT id, :to, :now "
                        + "FROM unnest(CAST(:ids AS bigint[])) AS t(id) ON CONFLICT (enterprise_id) "
                        + "DO UPDATE SET agent_id = excluded.agent_id, since = excluded.since");
        long start = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            for (String sql : statements) {
                var spec = jdbc.sql(sql).param("ids", ids).param("to", to);
                if (sql.contains(":from")) {
                    spec = spec.param("from", from);
                }
                if (sql.contains(":now")) {
                    spec = spec.param("now", now);
                }
                spec.update();
            }
        });
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
