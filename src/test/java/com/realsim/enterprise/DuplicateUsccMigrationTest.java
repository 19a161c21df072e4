package com.realsim.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.testsupport.TestPostgres;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V230 on a database that already holds the same USCC more than once (as users' databases may): every record and its
 * real-name data stay; in each group a verified record keeps the code, else the oldest, else the lowest id; the others
 * are marked duplicates of it; and from then on the database refuses the code a second time.
 */
@SpringBootTest
class DuplicateUsccMigrationTest {

    static final MigrationVersion ONE_RECORD = MigrationVersion.fromVersion("230");

    @Autowired
    ApplicationContext context;

    @Test
    void existingDuplicatesAreKeptAndMarkedForOpsAndTheCodeIsThenRegisteredOnce() {
        DataSource database = new DriverManagerDataSource(
                TestPostgres.server().newDatabaseUrl(),
                TestPostgres.server().user(),
                TestPostgres.server().password());
        JavaMigration[] javaMigrations =
                context.getBeansOfType(JavaMigration.class).values().toArray(JavaMigration[]::new);
        MigrationVersion before = Arrays.stream(
                        flyway(database, javaMigrations, null).info().all())
                .map(MigrationInfo::getVersion)
                .filter(version -> version.compareTo(ONE_RECORD) < 0)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        flyway(database, javaMigrations, before).migrate();
        JdbcClient sql = JdbcClient.create(database);
        // One code at three agents: a draft, a verified record registered later, a rejected one registered first.
        long draft = insert(sql, 1, "91350102TX412DMU73", "DRAFT", "2025-01-01");
        long verified = insert(sql, 2, "91350102TX412DMU73", "VERIFIED", "2025-02-01");
        long rejected = insert(sql, 3, "91350102TX412DMU73", "REJECTED", "2024-12-01");
        // Another code at two agents, none verified, registered at the same instant: the lower id keeps it.
        long submitted = insert(sql, 1, "911201014NBTNY1519", "SUBMITTED", "2025-03-01");
        long secondDraft = insert(sql, 2, "911201014NBTNY1519", "DRAFT", "2025-03-01");
        long alone = insert(sql, 1, "51330106XF6E5W3KTU", "VERIFIED", "2025-01-01");

        flyway(database, javaMigrations, null).migrate();

        Map<Long, Long> duplicateOf = new LinkedHashMap<>();
        sql.sql("SELECT id, duplicate_of FROM enterprise ORDER BY id")
                .query((row, n) -> duplicateOf.put(row.getLong(1), (Long) row.getObject(2)))
                .list();
        Map<Long, Long> expected = new LinkedHashMap<>();
        expected.put(draft, verified);
        expected.put(verified, null);
        expected.put(rejected, verified);
        expected.put(submitted, null);
        expected.put(secondDraft, submitted);
        expected.put(alone, null);
        assertThat(duplicateOf)
                .as("every record is still there; the losers point at the keeper")
                .isEqualTo(expected);
        assertThat(sql.sql("SELECT count(*) FROM enterprise WHERE name LIKE '迁移测试企业 %'"
                                + " AND certificate_number IS NOT NULL AND legal_rep_masked = '张*'")
                        .query(Long.class)
                        .single())
                .as("no real-name data was changed")
                .isEqualTo(6L);
        assertThatThrownBy(() -> insert(sql, 4, "51330106XF6E5W3KTU", "DRAFT", "2026-01-01"))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining(RegistrationAttempts.INDEX);
        assertThat(insert(sql, 4, "91310115MA1H3K8P2R", "DRAFT", "2026-01-01")).isPositive();
    }

    private static long insert(JdbcClient sql, long agentId, String code, String status, String createdOn) {
        return sql.sql("""
                        INSERT INTO enterprise (agent_id, seal_key, name, certificate_type, certificate_number,
                            certificate_address, legal_rep_enc, legal_rep_masked, status, created_by, created_at)
                        VALUES (?, gen_random_uuid(), '迁移测试企业 ' || ?, 'USCC', ?, '福州市鼓楼区', '\\x00', '张*', ?,
                            'agent', CAST(? AS timestamptz))
                        RETURNING id""")
                .params(agentId, code, code, status, createdOn)
                .query(Long.class)
                .single();
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
