package com.realsim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.card.CardUsageService;
import com.realsim.card.domain.UsagePartitions;
import com.realsim.catalogue.NewServicePlan;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.enterprise.EnterpriseFixtures;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.platform.Actor;
import com.realsim.platform.ChinaTime;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.BenchmarkReport;
import com.realsim.testsupport.RunAs;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Usage at operator volume: {@value #RECORDS} usage records (one new day of as many cards) taken by {@link
 * CardUsageService#ingest} in requests of {@value CardUsageService#MAX_REPORTS}, into a database of {@code
 * bench.usage.cards} cards (default {@value #DEFAULT_CARDS}) with {@code bench.usage.days} days (default {@value
 * #DEFAULT_DAYS}) of usage each, built set-based with {@code generate_series}. The floor measured in the same run: a
 * bare PostgreSQL {@code COPY} of as many rows into the same table ({@code card_usage}, another new day). Target: the
 * ingest's throughput at least {@value #TARGET_PERCENT} % of the COPY's. Writes the "usage-ingest" section of {@code
 * docs/benchmarks.md}; run with {@code ./mvnw -Pbench verify -Dtest=UsageIngestBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.usage.cards=1000000]}.
 */
@SpringBootTest
class UsageIngestBenchmark {

    private static final Logger log = LoggerFactory.getLogger(UsageIngestBenchmark.class);

    static final int RECORDS = 100_000;
    static final int DEFAULT_CARDS = 200_000;
    static final int DEFAULT_DAYS = 30;
    static final int TARGET_PERCENT = 30;

    @Autowired
    ServicePlanService plans;

    @Autowired
    AccountService accounts;

    @Autowired
    EnterpriseService enterprises;

    @Autowired
    CardUsageService usage;

    @Autowired
    UsagePartitions partitions;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void hundredThousandRecordsIntoADatabaseOfCardsWithUsage() throws Exception {
        int cards = Integer.getInteger("bench.usage.cards", DEFAULT_CARDS);
        int days = Integer.getInteger("bench.usage.days", DEFAULT_DAYS);
        Actor admin = ActorAuthentication.actor(Role.ADMIN, null, null);
        Actor ops = ActorAuthentication.actor(Role.OPS, null, null);
        long planId = plans.create(
                        new NewServicePlan(
                                "USAGE-BENCH",
                                "Usage bench plan",
                                true,
                                ServiceDirection.NONE,
                                ServiceDirection.NONE,
                                false,
                                false),
                        admin)
                .id();
        long agentId = accounts.createAgent("Usage bench channel").id();
        long enterpriseId = new EnterpriseFixtures(enterprises)
                .verified(agentId, EnterpriseFixtures.code(7))
                .id();
        String load = BenchmarkReport.load();
        LocalDate today = ChinaTime.today(clock);
        LocalDate copyDay = today.minusDays(days + 1);
        LocalDate warmUpDay = today.minusDays(days + 2);
        for (LocalDate day = warmUpDay; !day.isAfter(today); day = day.plusDays(1)) {
            partitions.ensure(day);
        }

        // the dataset: active cards (ICCIDs with their Luhn digit), each with `days` days of usage and its summary
        long seedStart = System.nanoTime();
        jdbc.update(
                """
                INSERT INTO card (iccid, msisdn, imsi, operator, plan_id, state, agent_id, enterprise_id, activated_at,
                                  first_usage_on, last_usage_on, last_usage_at, usage_month, month_data_kb,
                                  created_at, updated_at)
                SELECT b || (10 - (SELECT sum(CASE WHEN (19 - i) % 2 = 0
                                                   THEN substr(b, i, 1)::int * 2 - CASE WHEN substr(b, i, 1)::int > 4
                                                                                        THEN 9 ELSE 0 END
                                                   ELSE substr(b, i, 1)::int END)
                                    FROM generate_series(1, 19) i) % 10) % 10,
                       '1441' || lpad(g::text, 9, '0'), '46002' || lpad(g::text, 10, '0'), 'CHINA_MOBILE', ?,
                       'ACTIVE', ?, ?, now() - interval '90 days', ?, ?, ? ::date::timestamp AT TIME ZONE 'Asia/Shanghai',
                       date_trunc('month', ?::date)::date, 1024, now(), now()
                  FROM generate_series(1, ?) g, LATERAL (SELECT '8986200' || lpad(g::text, 12, '0') AS b) body""",
                planId,
                agentId,
                enterpriseId,
                Date.valueOf(today.minusDays(days)),
                Date.valueOf(today.minusDays(1)),
                Date.valueOf(today.minusDays(1)),
                Date.valueOf(today.minusDays(1)),
                cards);
        jdbc.update("""
                INSERT INTO card_usage (card_id, usage_date, agent_id, enterprise_id, data_kb, sms_count, voice_seconds,
                                        imei, received_at)
                SELECT c.id, d::date, c.agent_id, c.enterprise_id, 1024 + c.id % 100, c.id % 3, 0, NULL, now()
                  FROM card c, generate_series(?::date, ?::date, interval '1 day') d
                 WHERE c.iccid LIKE '89862%'""", Date.valueOf(today.minusDays(days)), Date.valueOf(today.minusDays(1)));
        jdbc.execute("ANALYZE card");
        jdbc.execute("ANALYZE card_usage");
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        long usageRows = jdbc.queryForObject("SELECT count(*) FROM card_usage", Long.class);

        List<String[]> targets = jdbc.query(
                "SELECT id, iccid FROM card WHERE iccid LIKE '89862%' ORDER BY id LIMIT ?",
                (rs, row) -> new String[] {rs.getString(1), rs.getString(2)}, RECORDS + 1_000);
        assertThat(targets).hasSize(RECORDS + 1_000);

        // warm-up: one request of 1,000 records on other cards (JIT, pool, statement caches)
        List<CardUsageService.Report> warmUp = new ArrayList<>();
        for (String[] card : targets.subList(RECORDS, RECORDS + 1_000)) {
            warmUp.add(new CardUsageService.Report(card[1], warmUpDay.toString(), 10L, 0L, 0L, null, 0L));
        }
        RunAs.run(ops, () -> usage.ingest(warmUp));

        // the floor: a bare COPY of as many rows into card_usage, one transaction
        StringBuilder rows = new StringBuilder(RECORDS * 60);
        for (String[] card : targets.subList(0, RECORDS)) {
            rows.append(card[0])
                    .append('\t')
                    .append(copyDay)
                    .append('\t')
                    .append(agentId)
                    .append('\t')
                    .append(enterpriseId)
                    .append("\t2048\t1\t30\t0\t356938035643809\t2026-01-01 00:00:00+00\n");
        }
        long copyStart = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY card_usage (card_id, usage_date, agent_id, enterprise_id, data_kb, sms_count,"
                                    + " voice_seconds, non_directional_kb, imei, received_at) FROM STDIN",
                            new StringReader(rows.toString()));
            connection.commit();
        }
        Duration copy = Duration.ofNanos(System.nanoTime() - copyStart);

        // measured: the same number of records through the ingest, in requests of 10,000
        List<CardUsageService.Report> reports = new ArrayList<>(RECORDS);
        for (String[] card : targets.subList(0, RECORDS)) {
            reports.add(new CardUsageService.Report(card[1], today.toString(), 2048L, 1L, 30L, "356938035643809", 0L));
        }
        long ingestStart = System.nanoTime();
        int accepted = 0;
        for (int from = 0; from < RECORDS; from += CardUsageService.MAX_REPORTS) {
            List<CardUsageService.Report> request =
                    reports.subList(from, Math.min(RECORDS, from + CardUsageService.MAX_REPORTS));
            CardUsageService.Outcome outcome = RunAs.run(ops, () -> usage.ingest(request));
            assertThat(outcome.rejected()).isEmpty();
            accepted += outcome.accepted();
        }
        Duration ingest = Duration.ofNanos(System.nanoTime() - ingestStart);
        double percent = 100.0 * copy.toNanos() / ingest.toNanos();

        long summarised = jdbc.queryForObject(
                "SELECT count(*) FROM card WHERE iccid LIKE '89862%' AND last_usage_on = ? AND month_data_kb > 0",
                Long.class, Date.valueOf(today));
        String ratio =
                String.format("usage ingest / bare COPY throughput: %.0f %% (target ≥ %d %%)", percent, TARGET_PERCENT);
        log.info(ratio);

        StringBuilder md = new StringBuilder("## Usage ingest at operator volume\n\n| | |\n|---|---|\n");
        md.append("| machine | ").append(BenchmarkReport.machine()).append(" |\n");
        md.append("| date | ").append(BenchmarkReport.today()).append(" |\n");
        md.append("| database | PostgreSQL ")
                .append(jdbc.queryForObject("SHOW server_version", String.class))
                .append(" (the tests' server) |\n");
        md.append(String.format(
                "| dataset | %,d active cards with %d days of usage each (%,d rows in `card_usage`), seeded with "
                        + "`INSERT … SELECT generate_series` in %.1f s, then `ANALYZE` |%n",
                cards, days, usageRows, seedSeconds));
        md.append(String.format(
                "| floor, same run: bare `COPY` of %,d rows into `card_usage` (one transaction) | %.2f s |%n",
                RECORDS, copy.toMillis() / 1000.0));
        md.append(String.format(
                "| **%,d records through `CardUsageService.ingest`** (10 requests of 10,000: checks, staging `COPY`, "
                        + "upsert, summaries, separation) | **%.2f s** |%n",
                RECORDS, ingest.toMillis() / 1000.0));
        md.append(String.format(
                "| **throughput of the ingest / of the bare COPY** | **%.0f %%** (target ≥ %d %%) |%n",
                percent, TARGET_PERCENT));
        md.append("| load average before | ").append(load).append(" |\n");
        BenchmarkReport.write("usage-ingest", md.toString());

        assertThat(accepted).isEqualTo(RECORDS);
        assertThat(summarised).isEqualTo(RECORDS);
        assertThat(percent).as(ratio).isGreaterThanOrEqualTo(TARGET_PERCENT);
    }
}
