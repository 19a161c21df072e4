package com.realsim.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.platform.AuditedEvent.AuditFacts;
import com.realsim.platform.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chain on a database of its own (the property gives this class its own context, so that tampering here never
 * shows in other tests): it verifies when fresh and when busy, detects a changed, removed or smuggled-in entry at the
 * right id, and the database refuses changes.
 */
@SpringBootTest(properties = "realsim.audit.retry-min-age=2m")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditChainTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcTemplate sql;

    static AuditFacts facts(String action, int n) {
        return new AuditFacts(
                "chain-tester",
                Role.OPS,
                3L,
                null,
                action,
                "CARD",
                "8986" + n,
                "SUCCESS",
                Map.of("n", n, "reason", "检查 " + n, "ratio", n / 4.0));
    }

    List<AuditEntry> appendMany(String action, int count) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(trail.append(facts(action, i)));
        }
        return entries;
    }

    @Test
    @Order(1)
    void aFreshTrailVerifies() {
        assertThat(trail.verify()).isEqualTo(ChainVerification.intact(0, HashChain.GENESIS));

        AuditEntry first = trail.append(facts("FIRST_ENTRY", 1));

        assertThat(first.prevHash()).isEqualTo(HashChain.GENESIS);
        assertThat(trail.verify()).isEqualTo(ChainVerification.intact(1, first.hash()));
    }

    @Test
    @Order(2)
    void aBusyTrailVerifiesAcrossSeveralBatches() {
        long before = trail.verify().checked();
        List<AuditEntry> entries = appendMany("BUSY", AuditTrail.VERIFY_BATCH * 2 + 17);

        ChainVerification result = trail.verify();

        assertThat(result.ok()).isTrue();
        assertThat(result.checked()).isEqualTo(before + entries.size());
        assertThat(result.firstBroken()).isNull();
        assertThat(result.headHash()).isEqualTo(entries.get(entries.size() - 1).hash());
    }

    @Test
    @Order(3)
    void concurrentAppendsLeaveOneLinearChainWithoutGaps() throws Exception {
        int threads = 16;
        int perThread = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<AuditEntry>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<AuditEntry> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(trail.append(facts("CONCURRENT", thread * 100 + i)));
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<AuditEntry> all = new ArrayList<>();
            for (Future<List<AuditEntry>> result : results) {
                all.addAll(result.get());
            }
            all.sort((a, b) -> Long.compare(a.id(), b.id()));

            assertThat(all).hasSize(threads * perThread);
            for (int i = 1; i < all.size(); i++) {
                assertThat(all.get(i).id()).isEqualTo(all.get(i - 1).id() + 1);
                assertThat(all.get(i).prevHash()).isEqualTo(all.get(i - 1).hash());
            }
            assertThat(sql.queryForObject(
                            "SELECT count(DISTINCT prev_hash) FROM audit_entry WHERE action = 'CONCURRENT'",
                            Long.class))
                    .isEqualTo(threads * perThread);
            assertThat(trail.verify().ok()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(4)
    void aChangedEntryBreaksTheChainAtThatEntry() {
        List<AuditEntry> entries = appendMany("TO_TAMPER", 5);
        AuditEntry victim = entries.get(2);
        String original =
                sql.queryForObject("SELECT details::text FROM audit_entry WHERE id = ?", String.class, victim.id());
        try {
            tamper(
                    "UPDATE audit_entry SET details = jsonb_set(details, '{reason}', '\"nothing to see\"') WHERE id = ?",
                    victim.id());

            ChainVerification result = trail.verify();

            assertThat(result.ok()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(victim.id());
        } finally {
            tamper("UPDATE audit_entry SET details = CAST(? AS jsonb) WHERE id = ?", original, victim.id());
        }
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    @Order(5)
    void aChangedTimeOrActorIsDetectedToo() {
        AuditEntry victim = appendMany("TO_TAMPER_TIME", 3).get(1);
        try {
            tamper("UPDATE audit_entry SET at = at - interval '1 microsecond' WHERE id = ?", victim.id());
            assertThat(trail.verify().firstBroken()).isEqualTo(victim.id());
        } finally {
            tamper("UPDATE audit_entry SET at = at + interval '1 microsecond' WHERE id = ?", victim.id());
        }
        try {
            tamper("UPDATE audit_entry SET actor = 'someone-else' WHERE id = ?", victim.id());
            assertThat(trail.verify().firstBroken()).isEqualTo(victim.id());
        } finally {
            tamper("UPDATE audit_entry SET actor = 'chain-tester' WHERE id = ?", victim.id());
        }
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    @Order(6)
    void aRemovedEntryBreaksTheChainAtTheNextOne() {
        List<AuditEntry> entries = appendMany("TO_REMOVE", 4);
        AuditEntry removed = entries.get(1);
        try {
            tamper("DELETE FROM audit_entry WHERE id = ?", removed.id());

            ChainVerification result = trail.verify();

            assertThat(result.ok()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(entries.get(2).id());
        } finally {
            restore(removed);
        }
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    @Order(7)
    void entriesRemovedFromTheEndAreDetectedThroughTheChainHead() {
        List<AuditEntry> entries = appendMany("TO_TRUNCATE", 3);
        AuditEntry last = entries.get(2);
        try {
            tamper("DELETE FROM audit_entry WHERE id = ?", last.id());

            ChainVerification result = trail.verify();

            assertThat(result.ok()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(last.id());
        } finally {
            restore(last);
        }
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    @Order(8)
    void anEntryInsertedBehindTheChainsBackIsDetected() {
        AuditEntry last = appendMany("BEFORE_FORGERY", 2).get(1);
        long forgedId = last.id() + 1_000;
        AuditEntry forged = new AuditEntry(
                forgedId,
                last.at(),
                "forger",
                Role.ADMIN,
                null,
                null,
                "FORGED",
                "USER",
                "1",
                "SUCCESS",
                Map.of(),
                last.hash(),
                null);
        // A correctly hashed entry after the last one, written without moving the chain head.
        restore(new AuditEntry(
                forged.id(),
                forged.at(),
                forged.actor(),
                forged.role(),
                null,
                null,
                forged.action(),
                forged.targetType(),
                forged.targetId(),
                forged.outcome(),
                forged.details(),
                forged.prevHash(),
                HashChain.hash(last.hash(), forged)));
        try {
            ChainVerification result = trail.verify();

            assertThat(result.ok()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(forgedId);
        } finally {
            tamper("DELETE FROM audit_entry WHERE id = ?", forgedId);
        }
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    @Order(9)
    void theDatabaseRefusesToChangeOrRemoveEntries() {
        AuditEntry entry = trail.append(facts("KEEP_ME", 1));

        assertThatThrownBy(() -> sql.update("UPDATE audit_entry SET outcome = 'REFUSED' WHERE id = ?", entry.id()))
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql.update("DELETE FROM audit_entry WHERE id = ?", entry.id()))
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql.execute("TRUNCATE audit_entry"))
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql.execute("DELETE FROM audit_chain_head"))
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql.update("UPDATE audit_chain_head SET last_id = 1, entries = entries + 1"))
                .rootCause()
                .hasMessageContaining("only moves forward");

        assertThat(sql.queryForObject("SELECT outcome FROM audit_entry WHERE id = ?", String.class, entry.id()))
                .isEqualTo("SUCCESS");
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    @Order(10)
    void appendRefusesFactsOutsideTheTrailsFormat() {
        long before = trail.verify().checked();
        AuditFacts unknownType =
                new AuditFacts("x", null, null, null, "SOMETHING", "SPACESHIP", "1", "SUCCESS", Map.of());
        AuditFacts lowerCaseAction =
                new AuditFacts("x", null, null, null, "something", "CARD", "1", "SUCCESS", Map.of());

        assertThatThrownBy(() -> trail.append(unknownType)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trail.append(lowerCaseAction)).isInstanceOf(IllegalArgumentException.class);
        assertThat(trail.verify()).satisfies(result -> {
            assertThat(result.ok()).isTrue();
            assertThat(result.checked()).isEqualTo(before);
        });
    }

    /** As the test superuser: switches the append-only trigger off for one statement. */
    void tamper(String statement, Object... args) {
        sql.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
        try {
            sql.update(statement, args);
        } finally {
            sql.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
        }
    }

    void restore(AuditEntry entry) {
        sql.update(
                "INSERT INTO audit_entry (id, at, actor, role, agent_id, enterprise_id, action, target_type, target_id,"
                        + " outcome, details, prev_hash, hash) OVERRIDING SYSTEM VALUE"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)",
                entry.id(),
                java.time.OffsetDateTime.ofInstant(entry.at(), java.time.ZoneOffset.UTC),
                entry.actor(),
                entry.role() == null ? null : entry.role().name(),
                entry.agentId(),
                entry.enterpriseId(),
                entry.action(),
                entry.targetType(),
                entry.targetId(),
                entry.outcome(),
                HashChain.json(entry.details()),
                entry.prevHash(),
                entry.hash());
    }
}
