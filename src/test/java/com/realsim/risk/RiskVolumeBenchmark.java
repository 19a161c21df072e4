package com.realsim.risk;

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
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Risk monitoring at operator volume (issue 13): a database of {@code bench.risk.cards} cards (default {@value
 * #DEFAULT_CARDS}), {@value #IDENTITIES} end-user identities and {@code bench.risk.days} (default 30) days of daily usage of every card in
 * use, built set-based with {@code generate_series} (as the database's owner, with triggers off while seeding: the
 * one-ID-N-cards counters are then counted in one statement). Measured in the same run:
 *
 * <ol>
 *   <li>a full scan of every enabled rule ({@link RuleScan}, as the schedule runs it) — target ≤ {@value
 *       #SCAN_TARGET_SECONDS} s — next to the same statements run alone over plain JDBC in one transaction that is
 *       rolled back;
 *   <li>{@value #RECORDS} usage records (one new day of as many cards) through {@link CardUsageService#ingest}, the
 *       service behind {@code POST /api/v1/usage} and the upload page, in requests of {@value
 *       CardUsageService#MAX_REPORTS} — target ≥ {@value #INGEST_TARGET_PERCENT} % of the throughput of a bare {@code
 *       COPY} of as many rows into the same table ({@code card_usage}, another new day).
 * </ol>
 *
 * Writes the "risk-scan" and "usage-ingest" sections of {@code docs/benchmarks.md}; run with {@code ./mvnw -Pbench
 * test -Dtest=RiskVolumeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest
class RiskVolumeBenchmark {

    private static final Logger log = LoggerFactory.getLogger(RiskVolumeBenchmark.class);

    static final int DEFAULT_CARDS = 1_000_000;
    static final int IDENTITIES = 300_000;
    static final int DAYS = Integer.getInteger("bench.risk.days", 30);
    static final int RECORDS = 100_000;
    static final int INGEST_TARGET_PERCENT = 30;
    static final int SCAN_TARGET_SECONDS = 5;

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
    RiskRules rules;

    @Autowired
    RuleScan scan;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Autowired
    Clock clock;

    @Test
    void scanAndIngestAtAMillionCards() throws Exception {
        int cards = Integer.getInteger("bench.risk.cards", DEFAULT_CARDS);
        Actor admin = ActorAuthentication.actor(Role.ADMIN, null, null);
        Actor ops = ActorAuthentication.actor(Role.OPS, null, null);
        String load = BenchmarkReport.load();
        long plan = plans.create(
                        new NewServicePlan(
                                "RISK-BENCH",
                                "Risk bench plan",
                                false,
                                ServiceDirection.NON_DIRECTIONAL,
                                ServiceDirection.NON_DIRECTIONAL,
                                false,
                                false),
                        admin)
                .id();
        long planNoSms = plans.create(
                        new NewServicePlan(
                                "RISK-BENCH-NOSMS",
                                "Risk bench plan without SMS",
                                false,
                                ServiceDirection.NON_DIRECTIONAL,
                                ServiceDirection.NONE,
                                false,
                                false),
                        admin)
                .id();
        long agent = accounts.createAgent("Risk bench channel").id();
        EnterpriseFixtures fixtures = new EnterpriseFixtures(enterprises);
        List<Long> enterpriseIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            enterpriseIds.add(
                    fixtures.verified(agent, EnterpriseFixtures.code(i)).id());
        }
        LocalDate today = ChinaTime.today(clock);
        LocalDate copyDay = today.minusDays(DAYS + 1);
        LocalDate warmUpDay = today.minusDays(DAYS + 2);
        for (LocalDate day = warmUpDay; !day.isAfter(today); day = day.plusDays(1)) {
            partitions.ensure(day);
        }

        Map<String, Double> seeding = seed(cards, plan, planNoSms, agent, enterpriseIds, today);
        long usageRows = jdbc.queryForObject("SELECT count(*) FROM card_usage", Long.class);
        long identities = jdbc.queryForObject(
                "SELECT count(DISTINCT id_number_bidx) FROM card_end_user WHERE ended_at IS NULL", Long.class);
        long bindings = jdbc.queryForObject("SELECT count(*) FROM card_end_user WHERE ended_at IS NULL", Long.class);
        hold();

        // 1. the scan: the bare statements (a warm-up pass, then the measured one, each rolled back), then RuleScan
        List<RiskRuleView> enabled = rules.enabled();
        bare(enabled);
        Map<RuleCode, Double> bareSeconds = bare(enabled);
        double bareTotal =
                bareSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        long scanStart = System.nanoTime();
        scan.scheduled();
        double firstScan = (System.nanoTime() - scanStart) / 1e9;
        Map<String, Object> first = jdbc.queryForMap("SELECT * FROM risk_scan ORDER BY id DESC LIMIT 1");
        scanStart = System.nanoTime();
        scan.scheduled();
        double secondScan = (System.nanoTime() - scanStart) / 1e9;
        Map<String, Object> second = jdbc.queryForMap("SELECT * FROM risk_scan ORDER BY id DESC LIMIT 1");
        Map<String, Long> alertsByRule = new LinkedHashMap<>();
        jdbc.query("SELECT rule_code, count(*) FROM risk_alert GROUP BY rule_code ORDER BY rule_code", rs -> {
            alertsByRule.put(rs.getString(1), rs.getLong(2));
        });
        String scanRatio = String.format(
                "full scan of %d rules: %.2f s (opening alerts), %.2f s (seeing them again); the statements alone"
                        + " %.2f s (target ≤ %d s)",
                enabled.size(), firstScan, secondScan, bareTotal, SCAN_TARGET_SECONDS);
        log.info(scanRatio);
        writeScanSection(
                cards,
                usageRows,
                identities,
                bindings,
                seeding,
                enabled,
                bareSeconds,
                bareTotal,
                firstScan,
                secondScan,
                first,
                second,
                alertsByRule,
                load);

        // 2. the ingest: targets are working cards of the plan with SMS, used every day, not bound to a device
        List<String[]> targets =
                jdbc.query("""
                SELECT id, iccid FROM card
                 WHERE state = 'ACTIVE' AND plan_id = ? AND substr(imsi, 4)::bigint % 1000 NOT IN (10, 17, 20, 42)
                 ORDER BY id LIMIT ?""", (rs, row) -> new String[] {rs.getString(1), rs.getString(2)}, plan, RECORDS + 1_000);
        assertThat(targets).hasSize(RECORDS + 1_000);
        List<CardUsageService.Report> warmUp = new ArrayList<>();
        for (String[] card : targets.subList(RECORDS, RECORDS + 1_000)) {
            warmUp.add(new CardUsageService.Report(card[1], warmUpDay.toString(), 10L, 0L, 0L, null, 0L));
        }
        RunAs.run(ops, () -> usage.ingest(warmUp));

        StringBuilder rows = new StringBuilder(RECORDS * 80);
        for (String[] card : targets.subList(0, RECORDS)) {
            rows.append(card[0])
                    .append('\t')
                    .append(copyDay)
                    .append('\t')
                    .append(agent)
                    .append("\t")
                    .append(enterpriseIds.get(0))
                    .append("\t2048\t1\t30\t0\t861234500000000\t2026-01-01 00:00:00+00\n");
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

        List<CardUsageService.Report> reports = new ArrayList<>(RECORDS);
        for (String[] card : targets.subList(0, RECORDS)) {
            reports.add(new CardUsageService.Report(card[1], today.toString(), 2048L, 1L, 30L, "861234500000000", 0L));
        }
        List<Double> requestSeconds = new ArrayList<>();
        long ingestStart = System.nanoTime();
        int accepted = 0;
        for (int from = 0; from < RECORDS; from += CardUsageService.MAX_REPORTS) {
            List<CardUsageService.Report> request =
                    reports.subList(from, Math.min(RECORDS, from + CardUsageService.MAX_REPORTS));
            long requestStart = System.nanoTime();
            CardUsageService.Outcome outcome = RunAs.run(ops, () -> usage.ingest(request));
            requestSeconds.add((System.nanoTime() - requestStart) / 1e9);
            assertThat(outcome.rejected()).isEmpty();
            accepted += outcome.accepted();
        }
        Duration ingest = Duration.ofNanos(System.nanoTime() - ingestStart);
        double percent = 100.0 * copy.toNanos() / ingest.toNanos();
        long summarised = jdbc.queryForObject(
                "SELECT count(*) FROM card_usage_summary WHERE last_usage_on = ? AND month_sms_count > 0",
                Long.class,
                Date.valueOf(today));
        String ingestRatio = String.format(
                "usage ingest / bare COPY throughput: %.0f %% (target ≥ %d %%)", percent, INGEST_TARGET_PERCENT);
        log.info(ingestRatio);
        writeIngestSection(cards, usageRows, copy, ingest, percent, requestSeconds, load);

        assertThat(accepted).isEqualTo(RECORDS);
        assertThat(summarised).isEqualTo(RECORDS);
        assertThat(alertsByRule).isNotEmpty();
        assertThat(percent).as(ingestRatio).isGreaterThanOrEqualTo(INGEST_TARGET_PERCENT);
        assertThat(Math.max(firstScan, secondScan)).as(scanRatio).isLessThanOrEqualTo(SCAN_TARGET_SECONDS);
    }

    /**
     * The dataset, as the database's owner with triggers off (foreign keys are not checked row by row; the counters the
     * binding trigger keeps are counted afterwards). Card {@code g} (1 … cards):
     *
     * <ul>
     *   <li>{@code g % 100 < 5}: in the inventory; {@code 5 … 8}: suspended (for arrears, or {@code g % 1000 = 105}:
     *       machine-card separation); else active;
     *   <li>used every one of the last {@code bench.risk.days} days, except {@code g % 1000 = 10} (never used: silent) and {@code
     *       20}, {@code 106} (last used 100 days ago: sleeping); {@code g % 1000 = 17}: the last IMEI is a handset's;
     *       {@code 42}: a plan without SMS that sends SMS;
     *   <li>70 % of the working cards ({@code g % 10 < 7}) have an end user: identity {@link #boundRank} {@code %
     *       300,000}, so each of the 300,000 identities holds two or three cards; {@code g % 1000 = 11}: one of 100
     *       more identities holding ten cards each ({@code 1,000,000 + (g / 1000) % 100}); identities below 300 hold
     *       cards at several enterprises; 50 identities are barred.
     * </ul>
     */
    /**
     * The place of card {@code g} among the cards with an end user ({@code g % 100 >= 5}, out of the inventory, and
     * {@code g % 10 < 7}: 65 of every 100), counted from 0 in the order of {@code g}: identity {@code rank % 300,000}
     * gives every one of the 300,000 identities two or three cards.
     */
    private static String boundRank(String g) {
        return ("((%1$s / 100) * 65 + CASE WHEN %1$s %% 100 < 10 THEN %1$s %% 100 - 5"
                        + " ELSE 2 + (%1$s %% 100 / 10 - 1) * 7 + %1$s %% 10 END)")
                .formatted(g);
    }

    private Map<String, Double> seed(
            int cards, long plan, long planNoSms, long agent, List<Long> enterpriseIds, LocalDate today)
            throws Exception {
        Map<String, Double> took = new LinkedHashMap<>();
        String url = environment.getRequiredProperty("spring.datasource.url");
        try (Connection owner = DriverManager.getConnection(
                url,
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getProperty("spring.flyway.password", ""))) {
            JdbcTemplate sql = new JdbcTemplate(new SingleConnectionDataSource(owner, true));
            sql.execute("SET session_replication_role = replica");
            sql.execute("SET maintenance_work_mem = '512MB'");
            sql.execute("SET work_mem = '256MB'");
            String enterpriseArray = enterpriseIds.stream().map(String::valueOf).collect(Collectors.joining(","));
            String t = "DATE '" + today + "'";
            long start = System.nanoTime();
            sql.update("""
                    INSERT INTO card (iccid, msisdn, imsi, operator, plan_id, state, agent_id, enterprise_id,
                                      imei_binding, bound_imei, activated_at, first_usage_on, created_at, updated_at)
                    SELECT '8986200' || lpad(g::text, 12, '0') || %7$s,
                           '14' || lpad(g::text, 9, '0'), '460' || lpad(g::text, 12, '0'), 'CHINA_MOBILE',
                           CASE WHEN g %% 1000 = 42 THEN %2$d ELSE %1$d END, k.state,
                           CASE WHEN k.state <> 'INVENTORY' THEN %3$d END,
                           CASE WHEN k.state <> 'INVENTORY'
                                THEN (ARRAY[%4$s])[1 + (CASE WHEN %8$s %% 300000 < 300 THEN %8$s / 300000 + %8$s ELSE %8$s END) %% 10]
                           END,
                           g %% 1000 = 105, CASE WHEN g %% 1000 = 105 THEN '86' || lpad(g::text, 13, '0') END,
                           CASE WHEN k.state <> 'INVENTORY' THEN now() - interval '200 days' END,
                           CASE WHEN k.used THEN %5$s - 30 WHEN k.sleeping THEN %5$s - 110 END,
                           now(), now()
                      FROM generate_series(1, %6$d) g,
                           LATERAL (SELECT s.state, s.state <> 'INVENTORY' AND g %% 1000 NOT IN (10, 20, 106) AS used,
                                           g %% 1000 IN (20, 106) AS sleeping
                                      FROM (SELECT CASE WHEN g %% 100 < 5 THEN 'INVENTORY'
                                                        WHEN g %% 100 < 9 THEN 'SUSPENDED'
                                                        ELSE 'ACTIVE' END AS state) s) k""".formatted(plan, planNoSms, agent, enterpriseArray, t, cards, luhnDigit(), boundRank("g")));
            took.put("cards", lap(start));
            log.info("seeded {} cards in {} s", cards, took.get("cards"));
            start = System.nanoTime();
            sql.update("""
                    INSERT INTO card_blocking_reason (card_id, reason, since, added_by, note)
                    SELECT id, CASE WHEN substr(imsi, 4)::bigint % 1000 = 105 THEN 'MACHINE_CARD_SEPARATION'
                                    ELSE 'ARREARS' END, now() - interval '3 days', 'bench', NULL
                      FROM card WHERE state = 'SUSPENDED'""");
            took.put("blocking reasons", lap(start));
            start = System.nanoTime();
            // the usage summary each card keeps (V330: card_usage_summary), as the days below add up
            sql.update("""
                    INSERT INTO card_usage_summary (card_id, last_usage_on, last_imei, last_imei_on, usage_month,
                                                    month_data_kb, month_sms_count, month_voice_seconds,
                                                    month_non_directional_kb)
                    SELECT c.id, CASE WHEN k.sleeping THEN %1$s - 100 ELSE %1$s - 1 END, k.imei,
                           CASE WHEN k.sleeping THEN %1$s - 100 ELSE %1$s - 1 END,
                           date_trunc('month', CASE WHEN k.sleeping THEN %1$s - 100 ELSE %1$s - 1 END)::date,
                           k.month_days * (1024 + k.g %% 100), k.month_days * (k.g %% 3), k.month_days * (k.g %% 60), 0
                      FROM card c,
                           LATERAL (SELECT substr(c.imsi, 4)::bigint AS g) n,
                           LATERAL (SELECT n.g, n.g %% 1000 IN (20, 106) AS sleeping,
                                           CASE WHEN n.g %% 1000 = 17 THEN '35693803' || lpad((n.g %% 10000000)::text, 7, '0')
                                                ELSE '8612345' || lpad((n.g %% 100000000)::text, 8, '0') END AS imei,
                                           CASE WHEN n.g %% 1000 IN (20, 106) THEN 1
                                                ELSE (%1$s - 1) - greatest(%1$s - %2$d, date_trunc('month', %1$s - 1)::date) + 1
                                           END AS month_days) k
                     WHERE c.state <> 'INVENTORY' AND n.g %% 1000 <> 10""".formatted(t, DAYS));
            sql.update("""
                    INSERT INTO card_usage (card_id, usage_date, agent_id, enterprise_id, data_kb, sms_count,
                                            voice_seconds, non_directional_kb, imei, received_at)
                    SELECT s.card_id, d::date, c.agent_id, c.enterprise_id, 1024 + n.g %% 100, n.g %% 3, n.g %% 60, 0,
                           s.last_imei, now()
                      FROM card_usage_summary s JOIN card c ON c.id = s.card_id,
                           LATERAL (SELECT substr(c.imsi, 4)::bigint AS g) n,
                           generate_series(%1$s - %2$d, %1$s - 1, interval '1 day') d
                     WHERE s.last_usage_on = %1$s - 1""".formatted(t, DAYS));
            took.put("usage and summaries", lap(start));
            log.info("seeded usage in {} s", took.get("usage and summaries"));
            start = System.nanoTime();
            sql.update("""
                    INSERT INTO card_end_user (card_id, agent_id, enterprise_id, seal_key, name_enc, name_masked,
                                               id_type, id_number_enc, id_number_bidx, id_number_masked, id_address_enc,
                                               id_address_masked, status, bound_at, bound_by)
                    SELECT c.id, c.agent_id, c.enterprise_id, gen_random_uuid(), '\\x00'::bytea, '张*',
                           'RESIDENT_ID', '\\x00'::bytea, encode(sha256(convert_to('B' || k.identity, 'UTF8')), 'hex'),
                           '1101**********' || lpad((k.identity %% 10000)::text, 4, '0'), '\\x00'::bytea, '北京市****',
                           'BOUND', now() - interval '60 days', 'bench-agent'
                      FROM card c, LATERAL (SELECT substr(c.imsi, 4)::bigint AS g) n,
                           LATERAL (SELECT CASE WHEN n.g %% 1000 = 11 THEN 1000000 + (n.g / 1000) %% 100
                                                ELSE (%s) %% 300000 END AS identity) k
                     WHERE c.state <> 'INVENTORY' AND n.g %% 10 < 7""".formatted(boundRank("n.g")));
            sql.update("""
                    INSERT INTO identity_quota (operator, id_bidx, cards_held)
                    SELECT c.operator, u.id_number_bidx, count(*)
                      FROM card_end_user u JOIN card c ON c.id = u.card_id
                     WHERE u.ended_at IS NULL AND c.state <> 'CANCELLED'
                     GROUP BY c.operator, u.id_number_bidx""");
            took.put("end users", lap(start));
            start = System.nanoTime();
            sql.update("""
                    INSERT INTO barred_identity (seal_key, subject_type, id_type, id_number_enc, id_number_bidx,
                                                 id_number_masked, subject_key, basis, valid_from, valid_to, reason,
                                                 status, recorded_by, recorded_by_key, recorded_at)
                    SELECT gen_random_uuid(), 'PERSON', 'RESIDENT_ID', '\\x00'::bytea, b, '1101**********0000', b,
                           'bench', %1$s - 10, %1$s + 100, 'bench', 'ACTIVE', 'bench', 'bench', now()
                      FROM generate_series(1000, 1049) k,
                           LATERAL (SELECT encode(sha256(convert_to('B' || k, 'UTF8')), 'hex') AS b) bidx""".formatted(t));
            sql.update("""
                    INSERT INTO risk_handset_tac (tac, model, imported_at, imported_by)
                    VALUES ('35693803', 'Bench handset', now(), 'bench')""");
            sql.execute("SET session_replication_role = DEFAULT");
            for (String table : List.of(
                    "card",
                    "card_usage",
                    "card_usage_summary",
                    "card_end_user",
                    "card_blocking_reason",
                    "identity_quota",
                    "barred_identity")) {
                sql.execute("VACUUM ANALYZE " + table);
            }
            took.put("vacuum and analyze", lap(start));
        }
        return took;
    }

    /**
     * The Luhn check digit of {@code '8986200' || lpad(g, 12, '0')} as SQL arithmetic on {@code g} (a sub-select over
     * the 19 digits per card took most of a minute at 1,000,000 cards): the prefix's digits add 33; of {@code g}'s
     * twelve digits, counted from the right from 0, the even ones are doubled (their digit sum taken).
     */
    private static String luhnDigit() {
        StringBuilder sum = new StringBuilder("33");
        for (int k = 0; k < 12; k++) {
            String digit = "(g / " + (long) Math.pow(10, k) + " % 10)";
            sum.append(k % 2 == 0 ? " + (ARRAY[0, 2, 4, 6, 8, 1, 3, 5, 7, 9])[" + digit + " + 1]" : " + " + digit);
        }
        return "((10 - (" + sum + ") % 10) % 10)::text";
    }

    /** {@code -Dbench.hold=<seconds>}: keeps the seeded database for a look with psql before anything is measured. */
    private void hold() throws InterruptedException {
        int seconds = Integer.getInteger("bench.hold", 0);
        if (seconds > 0) {
            log.info(
                    "holding the seeded database for {} s: {}",
                    seconds,
                    environment.getRequiredProperty("spring.datasource.url"));
            Thread.sleep(seconds * 1000L);
        }
    }

    /** Every rule's statement over plain JDBC on one connection, in one transaction rolled back at the end. */
    private Map<RuleCode, Double> bare(List<RiskRuleView> enabled) throws Exception {
        Map<RuleCode, Double> seconds = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            NamedParameterJdbcTemplate sql =
                    new NamedParameterJdbcTemplate(new SingleConnectionDataSource(connection, true));
            Instant now = clock.instant();
            long scanId = sql.getJdbcTemplate()
                    .queryForObject(
                            "INSERT INTO risk_scan (status, trigger, requested_by, requested_at)"
                                    + " VALUES ('RUNNING', 'SCHEDULE', 'bench', now()) RETURNING id",
                            Long.class);
            for (RiskRuleView rule : enabled) {
                MapSqlParameterSource parameters = new MapSqlParameterSource()
                        .addValue("rule", rule.code().name())
                        .addValue("severity", rule.severity().name())
                        .addValue("scan", scanId)
                        .addValue("now", Timestamp.from(now))
                        .addValue("today", Date.valueOf(ChinaTime.today(Clock.fixed(now, ChinaTime.ZONE))));
                for (Map.Entry<String, BigDecimal> parameter : rule.parameters().entrySet()) {
                    ParameterRange range = rule.ranges().get(parameter.getKey());
                    parameters.addValue(
                            parameter.getKey(),
                            range != null && range.integer()
                                    ? (Object) parameter.getValue().intValueExact()
                                    : parameter.getValue());
                }
                long start = System.nanoTime();
                sql.queryForMap(RuleStatements.of(rule.code()).orElseThrow(), parameters);
                seconds.put(rule.code(), lap(start));
            }
            connection.rollback();
        }
        return seconds;
    }

    private static double lap(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private void writeScanSection(
            int cards,
            long usageRows,
            long identities,
            long bindings,
            Map<String, Double> seeding,
            List<RiskRuleView> enabled,
            Map<RuleCode, Double> bareSeconds,
            double bareTotal,
            double firstScan,
            double secondScan,
            Map<String, Object> first,
            Map<String, Object> second,
            Map<String, Long> alertsByRule,
            String load)
            throws Exception {
        StringBuilder md = new StringBuilder("## Risk scan at 1,000,000 cards\n\n| | |\n|---|---|\n");
        md.append("| machine | ").append(BenchmarkReport.machine()).append(" |\n");
        md.append("| date | ").append(BenchmarkReport.today()).append(" |\n");
        md.append("| database | PostgreSQL ")
                .append(jdbc.queryForObject("SHOW server_version", String.class))
                .append(" (the tests' server) |\n");
        md.append(String.format(
                "| dataset | %,d cards (%,d in service), %,d identities bound to %,d cards, %,d rows of daily usage"
                        + " (%d days of every card in use) |%n",
                cards, ((Number) first.get("cards_scanned")).longValue(), identities, bindings, usageRows, DAYS));
        md.append("| seeding (s) | ")
                .append(seeding.entrySet().stream()
                        .map(e -> String.format("%s %.1f", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ")))
                .append(" |\n");
        md.append(String.format(
                "| **full scan, `RuleScan` over the %d enabled rules, opening the alerts** | **%.2f s** (target ≤ %d s)"
                        + " — %s alerts opened |%n",
                enabled.size(), firstScan, SCAN_TARGET_SECONDS, first.get("alerts_opened")));
        md.append(String.format(
                "| **the next full scan, seeing the same alerts again** | **%.2f s** (target ≤ %d s) — %s opened |%n",
                secondScan, SCAN_TARGET_SECONDS, second.get("alerts_opened")));
        md.append(String.format(
                "| the same statements alone (plain JDBC, one transaction, rolled back; after a warm-up pass) | %.2f s"
                        + " |%n",
                bareTotal));
        md.append("| load average before | ").append(load).append(" |\n\n");
        md.append("| rule | statement alone (s) | open alerts after the scans |\n|---|---|---|\n");
        for (Map.Entry<RuleCode, Double> rule : bareSeconds.entrySet()) {
            md.append(String.format(
                    "| `%s` | %.3f | %,d |%n",
                    rule.getKey(),
                    rule.getValue(),
                    alertsByRule.getOrDefault(rule.getKey().name(), 0L)));
        }
        BenchmarkReport.write("risk-scan", md.toString());
    }

    private void writeIngestSection(
            int cards,
            long usageRows,
            Duration copy,
            Duration ingest,
            double percent,
            List<Double> requestSeconds,
            String load)
            throws Exception {
        StringBuilder md = new StringBuilder("## Usage ingest at operator volume\n\n| | |\n|---|---|\n");
        md.append("| machine | ").append(BenchmarkReport.machine()).append(" |\n");
        md.append("| date | ").append(BenchmarkReport.today()).append(" |\n");
        md.append("| database | PostgreSQL ")
                .append(jdbc.queryForObject("SHOW server_version", String.class))
                .append(" (the tests' server) |\n");
        md.append(String.format(
                "| dataset | the risk scan's: %,d cards, %,d rows in `card_usage` (%d days) |%n",
                cards, usageRows, DAYS));
        md.append(String.format(
                "| floor, same run: bare `COPY` of %,d rows into `card_usage` (one transaction) | %.2f s |%n",
                RECORDS, copy.toMillis() / 1000.0));
        md.append(String.format(
                "| **%,d records through `CardUsageService.ingest`** (the service of `POST /api/v1/usage` and of the"
                        + " upload; 10 requests of 10,000: checks, staging `COPY`, upsert, summaries, separation) |"
                        + " **%.2f s** |%n",
                RECORDS, ingest.toMillis() / 1000.0));
        md.append("| seconds per request | ")
                .append(requestSeconds.stream()
                        .map(s -> String.format("%.2f", s))
                        .collect(Collectors.joining(" ")))
                .append(" |\n");
        md.append(String.format(
                "| **throughput of the ingest / of the bare COPY** | **%.0f %%** (target ≥ %d %%) |%n",
                percent, INGEST_TARGET_PERCENT));
        md.append("| load average before | ").append(load).append(" |\n");
        BenchmarkReport.write("usage-ingest", md.toString());
    }
}
