package com.realsim.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.platform.AuditedEvent.AuditFacts;
import com.realsim.platform.Role;
import com.realsim.testsupport.TestPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A database whose trail was written before the chain was keyed: the upgrade (V185, V186) records and seals the
 * switch point at the last plain entry without rewriting anything; the old entries still verify by the plain rule and
 * the new ones by the keyed one, the first keyed entry linking to the last plain one; rewriting a plain entry with its
 * plain successors, or moving the switch point, is detected.
 */
@SpringBootTest
class KeyedChainUpgradeTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ChainKey key;

    @Autowired
    JsonMapper json;

    @Test
    void plainEntriesOfBeforeTheUpgradeKeepTheirRuleAndAreSealedByTheSwitchPoint() {
        DataSource database = new DriverManagerDataSource(
                TestPostgres.server().newDatabaseUrl(),
                TestPostgres.server().user(),
                TestPostgres.server().password());
        JavaMigration[] javaMigrations =
                context.getBeansOfType(JavaMigration.class).values().toArray(JavaMigration[]::new);
        // Every migration before the keyed chain's (V185), whichever modules add meanwhile.
        MigrationVersion keyed = MigrationVersion.fromVersion("185");
        MigrationVersion before = Arrays.stream(
                        flyway(database, javaMigrations).info().all())
                .map(MigrationInfo::getVersion)
                .filter(version -> version.compareTo(keyed) < 0)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .javaMigrations(javaMigrations)
                .target(before)
                .load()
                .migrate();
        JdbcClient sql = JdbcClient.create(database);
        List<AuditEntry> plain = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (int i = 1; i <= 3; i++) {
            AuditEntry entry = plainEntry(i, prev);
            insertPlain(sql, entry);
            plain.add(entry);
            prev = entry.hash();
        }

        flyway(database, javaMigrations).migrate();

        assertThat(sql.sql("SELECT keyed_after, keyed_after_hash FROM audit_chain_key")
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getString(2)))
                        .single())
                .containsExactly(3L, plain.get(2).hash());
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        AuditTrail trail = new AuditTrail(
                new org.springframework.jdbc.core.JdbcTemplate(database), Clock.systemUTC(), json, transaction, key);
        assertThat(trail.verify())
                .isEqualTo(ChainVerification.intact(3, plain.get(2).hash()));

        AuditEntry fourth = transaction.execute(status -> trail.append(facts(4)));
        AuditEntry fifth = transaction.execute(status -> trail.append(facts(5)));

        assertThat(fourth.prevHash()).isEqualTo(plain.get(2).hash());
        assertThat(fourth.hash())
                .as("the keyed link, not the plain one")
                .isEqualTo(key.link(fourth.prevHash(), fourth))
                .isNotEqualTo(HashChain.hash(fourth.prevHash(), fourth));
        assertThat(trail.verify()).isEqualTo(ChainVerification.intact(5, fifth.hash()));

        // Rewriting the second plain entry and recomputing the plain links of it and the third: the third no longer
        // ends where the seal says the plain part ends (and the fourth's keyed link cannot follow it).
        sql.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only")
                .update();
        AuditEntry second = ChainLinks.linked(
                plain.get(1).withDetails(Map.of("n", 2, "reason", "rewritten")),
                plain.get(0).hash(),
                ChainLinks.PLAIN);
        AuditEntry third = ChainLinks.linked(plain.get(2), second.hash(), ChainLinks.PLAIN);
        overwrite(sql, second);
        overwrite(sql, third);
        assertThat(trail.verify()).satisfies(result -> {
            assertThat(result.ok()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(3L);
        });
        overwrite(sql, plain.get(1));
        overwrite(sql, plain.get(2));
        assertThat(trail.verify().ok()).isTrue();

        // Moving the switch point to the end, so that every entry would be checked by the plain rule: the seal of
        // someone without the key does not hold.
        sql.sql("ALTER TABLE audit_chain_key DISABLE TRIGGER audit_chain_key_fixed")
                .update();
        sql.sql("UPDATE audit_chain_key SET keyed_after = ?, keyed_after_hash = ?, seal = ?")
                .params(fifth.id(), fifth.hash(), HashChain.hash(fifth.hash(), fifth))
                .update();
        assertThat(trail.verify().firstBroken()).isEqualTo(1L);
    }

    static Flyway flyway(DataSource database, JavaMigration[] javaMigrations) {
        return Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .javaMigrations(javaMigrations)
                .load();
    }

    static AuditFacts facts(int n) {
        return new AuditFacts(
                "upgrade-tester", Role.ADMIN, null, null, "UPGRADE_CHECK", "USER", "u" + n, "SUCCESS", Map.of("n", n));
    }

    /** An entry as the trail wrote it before the key: no event time, the plain SHA-256 link. */
    static AuditEntry plainEntry(long id, String prev) {
        Instant at = HashChain.truncate(Instant.now());
        AuditEntry unlinked = new AuditEntry(
                id,
                at,
                null,
                "before-upgrade",
                Role.OPS,
                null,
                null,
                "OLD_ENTRY",
                "CARD",
                "8986" + id,
                "SUCCESS",
                Map.of("n", (int) id, "reason", "kept"),
                prev,
                null);
        return ChainLinks.linked(unlinked, prev, ChainLinks.PLAIN);
    }

    static void insertPlain(JdbcClient sql, AuditEntry e) {
        sql.sql("""
                        INSERT INTO audit_entry (id, at, actor, role, agent_id, enterprise_id, action, target_type,
                                                 target_id, outcome, details, prev_hash, hash)
                        OVERRIDING SYSTEM VALUE
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)""")
                .params(
                        e.id(),
                        OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC),
                        e.actor(),
                        e.role().name(),
                        e.agentId(),
                        e.enterpriseId(),
                        e.action(),
                        e.targetType(),
                        e.targetId(),
                        e.outcome(),
                        HashChain.json(e.details()),
                        e.prevHash(),
                        e.hash())
                .update();
        sql.sql("SELECT setval(pg_get_serial_sequence('audit_entry', 'id'), ?)")
                .param(e.id())
                .query(Long.class)
                .single();
        sql.sql("UPDATE audit_chain_head SET last_id = ?, last_hash = ?, entries = entries + 1")
                .params(e.id(), e.hash())
                .update();
    }

    /** As the owner with the trigger off: the entry's details and links as given. */
    static void overwrite(JdbcClient sql, AuditEntry e) {
        sql.sql("UPDATE audit_entry SET details = CAST(? AS jsonb), prev_hash = ?, hash = ? WHERE id = ?")
                .params(HashChain.json(e.details()), e.prevHash(), e.hash(), e.id())
                .update();
    }
}
