package com.realsim.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.catalogue.NewServicePlan;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.enterprise.EnterpriseFixtures;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.TenantScope;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.BenchmarkReport;
import com.realsim.testsupport.RunAs;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A million-row card export (CSV, OPS: every card, the card list's columns with enterprise and end user) against the
 * ceiling of the same run: PostgreSQL's bare {@code COPY (SELECT …) TO STDOUT} of the export's own statement, read
 * and thrown away by the driver. Targets: the export's time at most {@value #TARGET_TIMES} times the COPY's, and a
 * flat heap — the live heap (measured after every garbage collection during the export, from the collectors'
 * notifications) grows by at most {@value #TARGET_HEAP_MIB} MiB over what it was before, whatever the number of rows;
 * run with {@code -DargLine=-Xmx256m} the whole application (export included) runs in a 256 MiB heap, which the
 * report states. Writes the "export" section of {@code docs/benchmarks.md}; run with {@code ./mvnw -Pbench verify
 * -Dtest=ExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m}.
 */
@SpringBootTest
class ExportBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ExportBenchmark.class);

    static final int ROWS = Integer.getInteger("bench.export.rows", 1_000_000);
    static final double TARGET_TIMES = 3.0;
    static final long TARGET_HEAP_MIB = 64;

    @Autowired
    Exports exports;

    @Autowired
    ExportQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ServicePlanService plans;

    @Autowired
    AccountService accounts;

    @Autowired
    EnterpriseService enterprises;

    @Test
    void aMillionCardsExportedWithAFlatHeap() throws Exception {
        Actor admin = ActorAuthentication.actor(Role.ADMIN, null, null);
        Actor ops = ActorAuthentication.actor(Role.OPS, null, null);
        long planId = plans.create(
                        new NewServicePlan(
                                "EXPORT-BENCH",
                                "Export bench plan",
                                true,
                                ServiceDirection.NONE,
                                ServiceDirection.NONE,
                                false,
                                false),
                        admin)
                .id();
        long agentId = accounts.createAgent("Export bench channel").id();
        long enterpriseId = new EnterpriseFixtures(enterprises)
                .verified(agentId, EnterpriseFixtures.code(5))
                .id();
        String load = BenchmarkReport.load();
        long seedStart = System.nanoTime();
        jdbc.update("""
                INSERT INTO card (iccid, msisdn, imsi, operator, plan_id, state, agent_id, enterprise_id, activated_at,
                                  created_at, updated_at)
                SELECT '8986300' || lpad(g::text, 13, '0'), '1442' || lpad(g::text, 9, '0'),
                       '46003' || lpad(g::text, 10, '0'), 'CHINA_MOBILE', ?, 'ACTIVE', ?, ?,
                       now() - interval '30 days', now(), now()
                  FROM generate_series(1, ?) g""", planId, agentId, enterpriseId, ROWS);
        jdbc.execute("ANALYZE card");
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        long cards = jdbc.queryForObject("SELECT count(*) FROM card", Long.class);

        // the ceiling: the export's own statement through COPY, in this run
        ExportQueries.Extract extract =
                queries.extract(ExportKind.CARDS, new ExportFilter(Map.of()), TenantScope.everything(), false);
        String copySql = extract.sql().replace(":scopeTenant", "-1");
        long copyStart = System.nanoTime();
        long copyRows;
        try (Connection connection = dataSource.getConnection()) {
            copyRows = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("COPY (" + copySql + ") TO STDOUT (FORMAT csv)", OutputStream.nullOutputStream());
        }
        Duration copy = Duration.ofNanos(System.nanoTime() - copyStart);
        assertThat(copyRows).isEqualTo(cards);

        // the export, with the live heap after each collection
        System.gc();
        long before = heapUsed();
        AtomicLong peakAfterGc = new AtomicLong(before);
        AtomicLong collections = new AtomicLong();
        NotificationListener listener = (notification, handback) -> {
            if ("com.sun.management.gc.notification".equals(notification.getType())) {
                CompositeData info = (CompositeData) notification.getUserData();
                CompositeData gcInfo = (CompositeData) info.get("gcInfo");
                long used = 0;
                for (Object row : ((TabularData) gcInfo.get("memoryUsageAfterGc")).values()) {
                    CompositeData entry = (CompositeData) row;
                    String pool = (String) entry.get("key");
                    if (isHeap(pool)) {
                        used += MemoryUsage.from((CompositeData) entry.get("value"))
                                .getUsed();
                    }
                }
                peakAfterGc.accumulateAndGet(used, Math::max);
                collections.incrementAndGet();
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
        long exportStart = System.nanoTime();
        ExportView export;
        try {
            long id = RunAs.run(ops, () -> exports.create(ExportKind.CARDS, ExportFormat.CSV, Map.of(), false, null))
                    .id();
            Awaitility.await()
                    .atMost(Duration.ofMinutes(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() ->
                            RunAs.run(ops, () -> exports.export(id)).status().isFinished());
            export = RunAs.run(ops, () -> exports.export(id));
        } finally {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - exportStart);
        assertThat(export.status()).isEqualTo(ExportStatus.DONE);
        assertThat(export.rowsDone()).isEqualTo(cards);
        long growthMib = Math.max(0, peakAfterGc.get() - before) >> 20;
        long maxHeapMib = Runtime.getRuntime().maxMemory() >> 20;
        double times = (double) took.toNanos() / copy.toNanos();

        String ratio = String.format(
                "export of %,d rows: %.1f s = %.2f × the bare COPY's %.1f s (target ≤ %.1f ×); live heap grew by %d MiB"
                        + " (target ≤ %d MiB) over %d collections, max heap %d MiB",
                cards,
                took.toMillis() / 1000.0,
                times,
                copy.toMillis() / 1000.0,
                TARGET_TIMES,
                growthMib,
                TARGET_HEAP_MIB,
                collections.get(),
                maxHeapMib);
        log.info(ratio);

        StringBuilder md = new StringBuilder("## Exports: a million rows\n\n| | |\n|---|---|\n");
        md.append("| machine | ").append(BenchmarkReport.machine()).append(" |\n");
        md.append("| date | ").append(BenchmarkReport.today()).append(" |\n");
        md.append("| database | PostgreSQL ")
                .append(jdbc.queryForObject("SHOW server_version", String.class))
                .append(" (the tests' server) |\n");
        md.append(String.format(
                "| dataset | %,d cards (`INSERT … SELECT generate_series` in %.1f s, then `ANALYZE`) |%n",
                cards, seedSeconds));
        md.append(String.format(
                "| ceiling, same run: `COPY (<the export's SELECT>) TO STDOUT (FORMAT csv)`, read by the driver | %.2f s |%n",
                copy.toMillis() / 1000.0));
        md.append(String.format(
                "| **the export (OPS, cards, CSV): created → DONE** (cursor of %d rows, commons-csv, sealed 1 MiB parts"
                        + " in `export_file_part`) | **%.2f s**, %,d bytes |%n",
                1000, took.toMillis() / 1000.0, export.bytes()));
        md.append(
                String.format("| **export time / COPY time** | **%.2f ×** (target ≤ %.1f ×) |%n", times, TARGET_TIMES));
        md.append(String.format(
                "| **live heap growth during the export** (max heap used after each of %d collections, from the"
                        + " collectors' notifications, minus the heap used before) | **%d MiB** (target ≤ %d MiB) |%n",
                collections.get(), growthMib, TARGET_HEAP_MIB));
        md.append(String.format(
                "| max heap of the JVM that ran the application and the export | %d MiB%s |%n",
                maxHeapMib, maxHeapMib <= 256 ? " (`-Xmx256m`)" : ""));
        md.append("| load average before | ").append(load).append(" |\n");
        BenchmarkReport.write("export", md.toString());

        assertThat(times).as(ratio).isLessThanOrEqualTo(TARGET_TIMES);
        assertThat(growthMib).as(ratio).isLessThanOrEqualTo(TARGET_HEAP_MIB);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static boolean isHeap(String pool) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
    }
}
