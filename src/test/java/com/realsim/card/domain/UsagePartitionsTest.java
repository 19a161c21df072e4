package com.realsim.card.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.card.CardFixtures;
import com.realsim.card.CardUsageService;
import com.realsim.platform.ChinaTime;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestPostgres;
import com.realsim.verification.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Daily usage lives in monthly partitions of {@code card_usage}: the migration keeps every row, a report lands in its
 * month's partition (created when it is missing), a day older than the retention is refused, and the job creates the
 * months ahead and drops the months past the retention. The job's test drops months, so this class has a context and a
 * database of its own (the property).
 */
@SpringBootTest(properties = "realsim.card.usage-partitions-first=1h")
@Import(com.realsim.card.CardTestConfiguration.class)
class UsagePartitionsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CardUsageService usage;

    @Autowired
    UsagePartitions partitions;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate sql;

    @Test
    void theMigrationMovesEveryRowIntoItsMonthsPartition() {
        DataSource database = new DriverManagerDataSource(
                TestPostgres.server().newDatabaseUrl(),
                TestPostgres.server().user(),
                TestPostgres.server().password());
        JavaMigration[] javaMigrations =
                context.getBeansOfType(JavaMigration.class).values().toArray(JavaMigration[]::new);
        MigrationVersion partitioned = MigrationVersion.fromVersion("201");
        MigrationVersion before = Arrays.stream(
                        flyway(database, javaMigrations, null).info().all())
                .map(MigrationInfo::getVersion)
                .filter(version -> version.compareTo(partitioned) < 0)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        flyway(database, javaMigrations, before).migrate();
        JdbcClient old = JdbcClient.create(database);
        old.sql("INSERT INTO card (iccid, msisdn, imsi, operator, plan_id, state) VALUES "
                        + "('89860000000000000018', '14400000001', '460000000000001', 'CHINA_MOBILE', 1, 'INVENTORY')")
                .update();
        for (String day : List.of(
                "2023-01-31", "2025-02-01", "2025-02-28", LocalDate.now().toString())) {
            old.sql("INSERT INTO card_usage (card_id, usage_date, data_kb, sms_count, voice_seconds, received_at) "
                            + "SELECT id, CAST(:day AS date), 7, 1, 2, now() FROM card")
                    .param("day", day)
                    .update();
        }

        flyway(database, javaMigrations, null).migrate();

        assertThat(old.sql("SELECT tableoid::regclass::text || ' ' || usage_date FROM card_usage ORDER BY usage_date")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "card_usage_y2023m01 2023-01-31",
                        "card_usage_y2025m02 2025-02-01",
                        "card_usage_y2025m02 2025-02-28",
                        partitionOf(LocalDate.now()) + " " + LocalDate.now());
        assertThat(old.sql("SELECT count(*) FROM pg_partitioned_table WHERE partrelid = 'card_usage'::regclass")
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(old.sql("SELECT sum(data_kb) FROM card_usage")
                        .query(Long.class)
                        .single())
                .isEqualTo(28L);
    }

    @Test
    void reportsLandInTheirMonthTheJobKeepsMonthsAheadAndDropsThosePastTheRetention() {
        CardFixtures fx = new CardFixtures(context);
        long agentId = CardFixtures.newAgent();
        String card = fx.activeDataCard(agentId, fx.verifiedEnterprise(agentId));
        LocalDate today = ChinaTime.today(clock);
        LocalDate oldest = partitions.oldestKept(today);
        assertThat(oldest).isEqualTo(today.minusMonths(24).withDayOfMonth(1));

        CardUsageService.Outcome outcome = RunAs.run(
                CardFixtures.OPS,
                () -> usage.ingest(
                        List.of(report(card, today), report(card, oldest), report(card, oldest.minusDays(1)))));

        assertThat(outcome.accepted()).isEqualTo(2);
        assertThat(outcome.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.index()).isEqualTo(2);
            assertThat(rejected.field()).isEqualTo("date");
            assertThat(rejected.messageKey()).isEqualTo("card.usage.date.tooOld");
            assertThat(rejected.arguments()).containsExactly(24L, oldest.toString());
        });
        assertThat(sql.queryForList(
                        "SELECT u.tableoid::regclass::text FROM card_usage u JOIN card c ON c.id = u.card_id "
                                + "WHERE c.iccid = ? ORDER BY usage_date",
                        String.class,
                        card))
                .containsExactly(partitionOf(oldest), partitionOf(today));

        // three years on: the months ahead of then are created, every month before then minus 24 months dropped
        clock.advance(Duration.ofDays(3 * 366));
        LocalDate later = ChinaTime.today(clock);
        int[] changed = partitions.maintain();

        assertThat(changed[0]).isEqualTo(UsagePartitions.MONTHS_AHEAD + 1);
        assertThat(changed[1]).isGreaterThanOrEqualTo(2);
        assertThat(partitionNames())
                .contains(partitionOf(later), partitionOf(later.plusMonths(UsagePartitions.MONTHS_AHEAD)))
                .doesNotContain(partitionOf(today), partitionOf(oldest))
                .allSatisfy(name -> assertThat(monthOf(name)).isAfterOrEqualTo(partitions.oldestKept(later)));
        assertThat(sql.queryForObject(
                        "SELECT count(*) FROM card_usage u JOIN card c ON c.id = u.card_id WHERE c.iccid = ?",
                        Long.class,
                        card))
                .isZero();
        assertThat(partitions.maintain()).containsExactly(0, 0);
        assertThat(new UsagePartitions(
                                JdbcClient.create(sql.getDataSource()),
                                new CardProperties(null, null, null, Period.ofMonths(1)),
                                Clock.fixed(later.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
                        .oldestKept(later))
                .isEqualTo(later.minusMonths(1).withDayOfMonth(1));
    }

    private List<String> partitionNames() {
        return sql.queryForList(
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                        + "WHERE i.inhparent = 'card_usage'::regclass ORDER BY 1",
                String.class);
    }

    private static CardUsageService.Report report(String iccid, LocalDate day) {
        return new CardUsageService.Report(iccid, day.toString(), 10L, 0L, 0L, null, null);
    }

    private static String partitionOf(LocalDate day) {
        return String.format("card_usage_y%04dm%02d", day.getYear(), day.getMonthValue());
    }

    private static LocalDate monthOf(String partition) {
        return LocalDate.of(
                Integer.parseInt(partition.substring(12, 16)), Integer.parseInt(partition.substring(17, 19)), 1);
    }

    private static Flyway flyway(DataSource database, JavaMigration[] javaMigrations, MigrationVersion target) {
        var configuration = Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .javaMigrations(javaMigrations);
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }
}
