package com.realsim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.enterprise.EnterpriseView;
import com.realsim.platform.Actor;
import com.realsim.testsupport.BenchmarkReport;
import com.realsim.testsupport.PartnerApiClient;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import com.realsim.verification.VerificationService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new-card order (新装) of 10,000 cards over real HTTP: the agent's {@code POST /api/v1/orders}, its photos, the
 * handler's on-site photo, then OPS approve the person-to-ID comparison (the order's last check) and the order is
 * polled over the API until it is COMPLETED. Targets: the POST answers within {@link #SUBMIT_TARGET}, the order
 * completes within {@link #COMPLETE_TARGET} of the approval. The ceiling measured in the same run is the inventory
 * import of the same 10,000 cards (one file, wall-clock time): what the database needs to write 10,000 card rows.
 * Writes the "bulk-order" section of {@code docs/benchmarks.md}; run with {@code ./mvnw -Pbench verify
 * -Dtest=BulkOrderBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"realsim.api.rate-limit.per-second=100000000", "realsim.api.rate-limit.burst=100000000"})
class BulkOrderBenchmark {

    static final int CARDS = 10_000;
    static final Duration SUBMIT_TARGET = Duration.ofSeconds(2);
    static final Duration COMPLETE_TARGET = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    VerificationService verifications;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNewInstallationOfTenThousandCardsOverTheApi() throws Exception {
        BenchData data = new BenchData(context);
        data.dataPlan("BULK-DATA", "Bulk plan");
        BenchData.Agent agent = data.agent("Bulk channel", port);
        PartnerApiClient api = agent.api();
        EnterpriseView enterprise = agent.enterprise();
        Actor ops = BenchData.OPS;
        String load = BenchmarkReport.load();

        // a warm-up order of 100 cards takes every path once (JIT, connection pool, statement caches)
        run(
                api,
                ops,
                enterprise.id(),
                data.importCards(100, 800_000_000_000L, "1450", "BULK-DATA", "warm-up.csv")
                        .iccids());

        BenchData.Imported imported = data.importCards(CARDS, 810_000_000_000L, "1450", "BULK-DATA", "bulk.csv");
        Run measured = run(api, ops, enterprise.id(), imported.iccids());

        long handed = jdbc.queryForObject(
                "SELECT count(*) FROM card WHERE enterprise_id = ? AND state = 'PENDING_ACTIVATION' "
                        + "AND handled_by_order_id = ?",
                Long.class,
                enterprise.id(),
                measured.orderId());
        double submitRatio = measured.submit().toMillis() / (double) SUBMIT_TARGET.toMillis();
        double completeRatio = measured.complete().toMillis() / (double) COMPLETE_TARGET.toMillis();

        StringBuilder md = new StringBuilder("## A new-card order of 10,000 cards over HTTP\n\n| | |\n|---|---|\n");
        md.append("| machine | ").append(BenchmarkReport.machine()).append(" |\n");
        md.append("| date | ").append(BenchmarkReport.today()).append(" |\n");
        md.append("| database | PostgreSQL ")
                .append(jdbc.queryForObject("SHOW server_version", String.class))
                .append(" (the tests' server) |\n");
        md.append("| order | `NEW_INSTALL` of ")
                .append(String.format("%,d", CARDS))
                .append(" inventory cards by an AGENT client with a bearer token, after a warm-up order of 100 |\n");
        md.append(String.format(
                "| ceiling, same run: importing the same %,d cards (`CardImportService.importNow`, wall-clock) | %.2f s "
                        + "|%n",
                CARDS, imported.took().toMillis() / 1000.0));
        md.append(String.format(
                "| **`POST /api/v1/orders`** (checks, order, card rows; answer received) | **%.2f s** (target ≤ %d s: "
                        + "%.0f %% of it; %.1f × the import) |%n",
                measured.submit().toMillis() / 1000.0,
                SUBMIT_TARGET.toSeconds(),
                submitRatio * 100,
                measured.submit().toMillis()
                        / (double) Math.max(1, imported.took().toMillis())));
        md.append(String.format(
                "| photos and the handler's on-site photo (5 uploads) | %.2f s |%n",
                measured.uploads().toMillis() / 1000.0));
        md.append(String.format(
                "| **approval of the comparison → `COMPLETED`** (hand-over of every card, order closed; polled over "
                        + "the API every 50 ms) | **%.2f s** (target ≤ %d s: %.0f %% of it; %.1f × the import) |%n",
                measured.complete().toMillis() / 1000.0,
                COMPLETE_TARGET.toSeconds(),
                completeRatio * 100,
                measured.complete().toMillis()
                        / (double) Math.max(1, imported.took().toMillis())));
        md.append(String.format(
                "| audit entries `CARD_HANDED_OVER` of the order in the trail %.1f s after the approval | %,d |%n",
                measured.audited().toMillis() / 1000.0, measured.auditEntries()));
        md.append("| load average before | ").append(load).append(" |\n");
        BenchmarkReport.write("bulk-order", md.toString());

        assertThat(handed).isEqualTo(CARDS);
        assertThat(measured.auditEntries()).isEqualTo(CARDS);
        assertThat(measured.submit()).as("POST of a 10,000-card order").isLessThanOrEqualTo(SUBMIT_TARGET);
        assertThat(measured.complete())
                .as("completion of a 10,000-card order after its last check")
                .isLessThanOrEqualTo(COMPLETE_TARGET);
    }

    record Run(
            long orderId, Duration submit, Duration uploads, Duration complete, Duration audited, long auditEntries) {}

    private Run run(PartnerApiClient api, Actor ops, long enterpriseId, List<String> iccids) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "NEW_INSTALL");
        body.put("enterpriseId", enterpriseId);
        body.put("iccids", iccids);
        body.put(
                "handler",
                Map.of(
                        "name", "李四",
                        "idType", "RESIDENT_ID",
                        "idNumber", "420106199810051639",
                        "idAddress", "湖北省武汉市江岸区解放大道 1 号",
                        "authorizationValidTo", "2099-12-31"));
        body.put(
                "device",
                Map.of(
                        "type", "智能水表",
                        "model", "WM-200",
                        "industryScenario", "智慧水务",
                        "expectedMonthlyTrafficMb", 30));
        long start = System.nanoTime();
        PartnerApiClient.Answer created = api.post("/api/v1/orders", body);
        Duration submit = Duration.ofNanos(System.nanoTime() - start);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long orderId = created.json().get("id").asLong();

        start = System.nanoTime();
        for (String kind : List.of("CERTIFICATE", "RESPONSIBLE_ID", "HANDLER_AUTHORIZATION", "HANDLER_ID")) {
            PartnerApiClient.Answer stored = api.postFile(
                    "/api/v1/orders/" + orderId + "/documents",
                    Map.of("kind", kind),
                    "photo.jpg",
                    "image/jpeg",
                    TestFiles.jpeg());
            assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        }
        PartnerApiClient.Answer photo = api.postFile(
                "/api/v1/orders/" + orderId + "/handler-photo", Map.of(), "me.jpg", "image/jpeg", TestFiles.jpeg());
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        Duration uploads = Duration.ofNanos(System.nanoTime() - start);
        long caseId = api.get("/api/v1/orders/" + orderId)
                .json()
                .get("verification")
                .get("caseId")
                .asLong();

        start = System.nanoTime();
        RunAs.run(ops, () -> verifications.approve(caseId, "Same person as the ID"));
        String status;
        do {
            sleep(50);
            status = api.get("/api/v1/orders/" + orderId).json().get("status").asString();
        } while (!"COMPLETED".equals(status)
                && !"REJECTED".equals(status)
                && System.nanoTime() - start < Duration.ofMinutes(5).toNanos());
        Duration complete = Duration.ofNanos(System.nanoTime() - start);
        assertThat(status).isEqualTo("COMPLETED");
        long entries;
        do {
            entries = jdbc.queryForObject(
                    "SELECT count(*) FROM audit_entry WHERE action = 'CARD_HANDED_OVER' "
                            + "AND target_id = ANY(CAST(? AS varchar[]))",
                    Long.class,
                    "{" + String.join(",", iccids) + "}");
            if (entries < iccids.size()) {
                sleep(50);
            }
        } while (entries < iccids.size()
                && System.nanoTime() - start < Duration.ofMinutes(5).toNanos());
        Duration audited = Duration.ofNanos(System.nanoTime() - start);
        return new Run(orderId, submit, uploads, complete, audited, entries);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
