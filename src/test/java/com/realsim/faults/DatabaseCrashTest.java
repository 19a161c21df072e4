package com.realsim.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.RealSimApplication;
import com.realsim.account.AccountService;
import com.realsim.audit.AuditTrail;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardState;
import com.realsim.card.domain.QuotaDriftCheck;
import com.realsim.card.inventory.CardImportService;
import com.realsim.card.inventory.CardImportStatus;
import com.realsim.catalogue.Operator;
import com.realsim.identity.IdDocument;
import com.realsim.order.OrderFixtures;
import com.realsim.order.OrderService;
import com.realsim.order.OrderStatus;
import com.realsim.order.OrderView;
import com.realsim.platform.Actor;
import com.realsim.testsupport.DatabaseFaults;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.VerificationService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database dies in the middle of a use case (the default embedded PostgreSQL, stopped as a power cut would stop
 * it, while the use case's transaction has written its rows and not committed) and comes back while the application
 * keeps running. Afterwards nothing is half-written: the counts match, the one-ID-N-cards counters equal the bound
 * cards, the interrupted work either never happened or is finished exactly once (an order's completion by its
 * republished event), the same use case succeeds when tried again, and the audit chain verifies. A commit the
 * database acknowledged before the crash is still there after it.
 */
class DatabaseCrashTest {

    static Path dataDir;
    static ConfigurableApplicationContext app;
    static DatabaseFaults faults;

    CardFixtures cards;
    JdbcTemplate sql;
    long agentId;
    long enterpriseId;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Path.of("target/crash-test-" + UUID.randomUUID()).toAbsolutePath();
        app = new SpringApplicationBuilder(RealSimApplication.class)
                .run(
                        "--realsim.data-dir=" + dataDir,
                        "--server.port=0",
                        "--spring.datasource.url=",
                        "--spring.main.banner-mode=off",
                        "--realsim.jobs.polling-interval=1s",
                        "--realsim.events.republish-after=2s",
                        "--realsim.events.republish-interval=2s");
        faults = new DatabaseFaults(dataDir, app.getBean(EmbeddedPostgres.class));
    }

    @AfterAll
    static void stop() throws Exception {
        if (faults != null) {
            faults.close();
        }
        if (app != null) {
            app.close();
        }
    }

    /**
     * The pool's connections died with the server: evict them so that no later borrower (this test's next step, the
     * next test's fixtures) gets one; the application's own requests recover the same way through Hikari's checks.
     */
    static void forgetDeadConnections() {
        try {
            app.getBean(javax.sql.DataSource.class)
                    .unwrap(com.zaxxer.hikari.HikariDataSource.class)
                    .getHikariPoolMXBean()
                    .softEvictConnections();
        } catch (java.sql.SQLException notHikari) {
            throw new IllegalStateException(notHikari);
        }
    }

    @BeforeEach
    void fixtures() {
        forgetDeadConnections();
        cards = new CardFixtures(app);
        sql = app.getBean(JdbcTemplate.class);
        agentId = CardFixtures.newAgent();
        enterpriseId = cards.verifiedEnterprise(agentId);
    }

    @AfterEach
    void nothingHalfWritten() {
        // every interrupted publication is finished (republished), and then the counters and the trail hold
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> sql.queryForObject(
                                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL", Long.class)
                        == 0);
        assertThat(app.getBean(QuotaDriftCheck.class).checkNow()).isZero();
        assertThat(app.getBean(AuditTrail.class).verify().ok()).isTrue();
    }

    /** Runs the use case in another thread, crashes the database when it stands at the pause, starts it again. */
    <T> Throwable crashDuring(java.util.function.Supplier<T> useCase) throws Exception {
        CompletableFuture<T> running = CompletableFuture.supplyAsync(useCase);
        faults.awaitPaused(Duration.ofSeconds(60));
        faults.crash();
        Throwable failure = null;
        try {
            running.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        faults.start();
        forgetDeadConnections();
        return failure;
    }

    long count(String query, Object... args) {
        return sql.queryForObject(query, Long.class, args);
    }

    @Test
    void theEmbeddedDatabaseKeepsEveryAcknowledgedCommitThroughACrash() throws Exception {
        assertThat(sql.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        assertThat(sql.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        AccountService accounts = app.getBean(AccountService.class);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "Kept Through A Crash " + UUID.randomUUID();
            accounts.createAgent(name);
            names.add(name);
            faults.crash(); // at once after the commit was acknowledged
            faults.start();
            forgetDeadConnections();
            forgetDeadConnections();
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(accounts.agents())
                        .extracting(agent -> agent.name())
                        .containsAll(names));
    }

    @Test
    void anImportCutOffByACrashStoresNoneOfItsCardsAndTheNextOneStoresAll() throws Exception {
        String plan = cards.directionalDataPlan();
        List<String> iccids = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String iccid = CardFixtures.iccid();
            iccids.add(iccid);
            rows.add(CardFixtures.row(iccid, CardFixtures.msisdn("138"), "CHINA_MOBILE", plan));
        }
        String inClause = "'" + String.join("','", iccids) + "'";
        faults.pauseAfter("INSERT", "card", "NEW.iccid = '" + iccids.get(150) + "'");
        CardImportService imports = app.getBean(CardImportService.class);
        Actor ops = CardFixtures.OPS;

        Throwable failure = crashDuring(() -> imports.importNow(CardFixtures.csv(rows), "crash.csv", ops));

        assertThat(failure).isNotNull();
        assertThat(count("SELECT count(*) FROM card WHERE iccid IN (" + inClause + ")"))
                .isZero();
        // the interrupted import does not stay RUNNING: its job is failed once its lock is gone
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> RunAs.run(ops, () -> imports.recent(10)).stream()
                        .filter(view -> view.fileName().equals("crash.csv"))
                        .allMatch(view -> view.status() == CardImportStatus.FAILED));

        assertThat(imports.importNow(CardFixtures.csv(rows), "again.csv", ops).imported())
                .isEqualTo(200);
        assertThat(count("SELECT count(*) FROM card WHERE iccid IN (" + inClause + ")"))
                .isEqualTo(200);
    }

    @Test
    void anOrderCompletionCutOffByACrashIsCompletedOnceByItsRepublishedEvent() throws Exception {
        OrderFixtures orders = new OrderFixtures(app);
        Actor agent = OrderFixtures.agent(agentId);
        List<String> iccids = orders.inventory(20, orders.dataOnlyPlan());
        long orderId = orders.submit(agent, OrderFixtures.newInstall(enterpriseId, iccids))
                .id();
        orders.attachDocuments(agent, orderId);
        OrderView photographed = orders.attachHandlerPhoto(agent, orderId);
        String inClause = "'" + String.join("','", iccids) + "'";
        // the completion hands the cards over one by one; it stops after the 20th card's row is written
        faults.pauseAfter(
                "UPDATE", "card", "NEW.iccid = '" + iccids.get(19) + "' AND OLD.state IS DISTINCT FROM NEW.state");

        // OPS approve the handler's comparison: committed; the order module completes the order after the commit
        RunAs.run(
                OrderFixtures.ops(),
                () -> app.getBean(VerificationService.class)
                        .approve(photographed.verificationCaseId(), "Same person as the ID"));
        faults.awaitPaused(Duration.ofSeconds(60));
        faults.crash();
        faults.start();
        forgetDeadConnections();

        OrderService orderService = app.getBean(OrderService.class);
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> RunAs.run(agent, () -> orderService.get(orderId)).status() == OrderStatus.COMPLETED);
        assertThat(count(
                        "SELECT count(*) FROM card WHERE iccid IN (" + inClause
                                + ") AND enterprise_id = ? AND state = ?",
                        enterpriseId,
                        CardState.PENDING_ACTIVATION.name()))
                .isEqualTo(20);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> count(
                                "SELECT count(*) FROM audit_entry WHERE action = 'ORDER_COMPLETED' AND target_id = ?",
                                Long.toString(orderId))
                        > 0);
        assertThat(count(
                        "SELECT count(*) FROM audit_entry WHERE action = 'ORDER_COMPLETED' AND target_id = ?",
                        Long.toString(orderId)))
                .isEqualTo(1);
    }

    @Test
    void aBindingCutOffByACrashTakesNoSlot() throws Exception {
        String iccid = cards.enterpriseCard(agentId, enterpriseId, "138", cards.nonDirectionalDataPlan());
        IdDocument person = CardFixtures.newIdentity();
        faults.pauseAfter("INSERT", "card_end_user", "true");

        Throwable failure = crashDuring(() -> cards.bind(agentId, iccid, person));

        assertThat(failure).isNotNull();
        assertThat(cards.view(iccid).endUser()).isNull();
        assertThat(cards.held(Operator.CHINA_MOBILE, person)).isZero();
        assertThat(cards.bind(agentId, iccid, person).endUser()).isNotNull();
        assertThat(cards.held(Operator.CHINA_MOBILE, person)).isEqualTo(1);
        assertThat(cards.boundCards(Operator.CHINA_MOBILE, person)).isEqualTo(1);
    }

    @Test
    void anActivationCutOffByACrashLeavesTheCardWaitingAndIsAuditedOnceWhenItSucceeds() throws Exception {
        String iccid = cards.enterpriseCard(agentId, enterpriseId);
        faults.pauseAfter("UPDATE", "card", "NEW.iccid = '" + iccid + "' AND NEW.state = 'ACTIVE'");

        Throwable failure = crashDuring(() -> cards.activate(iccid));

        assertThat(failure).isNotNull();
        assertThat(cards.view(iccid).state()).isEqualTo(CardState.PENDING_ACTIVATION);
        assertThat(cards.activate(iccid).state()).isEqualTo(CardState.ACTIVE);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> count(
                                "SELECT count(*) FROM audit_entry WHERE action = 'CARD_ACTIVATED' AND target_id = ?",
                                iccid)
                        > 0);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'CARD_ACTIVATED' AND target_id = ?", iccid))
                .isEqualTo(1);
    }
}
