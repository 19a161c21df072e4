package com.realsim.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.platform.AuditedEvent.AuditFacts;
import com.realsim.platform.Role;
import com.realsim.platform.TenantScope;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.DatabaseOwner;
import com.realsim.testsupport.FreshDatabaseContextCustomizerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chain on a database of its own (the property gives this class its own context, so that tampering here never
 * shows in other tests): it verifies when fresh and when busy, detects a changed, removed or smuggled-in entry at the
 * right id, and an entry rewritten with its successors by someone without the chain key; the application's role
 * cannot change the trail at all, and its owner only by switching off the trigger.
 */
@SpringBootTest(properties = "realsim.audit.retry-min-age=2m")
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditChainTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    ChainKey key;

    /** The application's own connection. */
    @Autowired
    JdbcTemplate sql;

    @Autowired
    Environment environment;

    @Autowired
    MockMvcTester mvc;

    /** The owner of the tables (the migrations' user), who can switch the triggers off: an insider. */
    JdbcTemplate owner;

    @BeforeEach
    void owner() {
        owner = DatabaseOwner.template(environment);
    }

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
    @Order(3)
    void batchesAppendedAlongsideSingleEntriesLeaveOneLinearChainThatVerifies() throws Exception {
        int batch = AuditTrail.APPEND_BATCH * 2 + 3;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<AuditEntry>>> batches = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                batches.add(pool.submit(() -> {
                    start.await();
                    List<AuditFacts> facts = new ArrayList<>();
                    for (int i = 0; i < batch; i++) {
                        facts.add(facts("BATCHED", thread * 10_000 + i));
                    }
                    return trail.appendAll(facts, null);
                }));
            }
            Future<List<AuditEntry>> singles = pool.submit(() -> {
                start.await();
                return appendMany("BETWEEN_BATCHES", 30);
            });
            start.countDown();
            for (Future<List<AuditEntry>> result : batches) {
                List<AuditEntry> entries = result.get();
                assertThat(entries).hasSize(batch);
                // one batch is one unbroken run of the chain: nothing else was appended in between
                for (int i = 1; i < entries.size(); i++) {
                    assertThat(entries.get(i).id()).isEqualTo(entries.get(i - 1).id() + 1);
                    assertThat(entries.get(i).prevHash())
                            .isEqualTo(entries.get(i - 1).hash());
                }
                assertThat(entries.get(17).targetId()).endsWith("17");
            }
            assertThat(singles.get()).hasSize(30);
            assertThat(sql.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'BATCHED'", Long.class))
                    .isEqualTo(2L * batch);
            ChainVerification result = trail.verify();
            assertThat(result.ok()).isTrue();
            assertThat(result.headHash())
                    .isEqualTo(sql.queryForObject("SELECT last_hash FROM audit_chain_head", String.class));
            assertThat(sql.queryForObject("SELECT entries FROM audit_chain_head", Long.class))
                    .isEqualTo(sql.queryForObject("SELECT count(*) FROM audit_entry", Long.class));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(4)
    void aBatchWithOneFactOutOfFormatAppendsNothing() {
        long before = sql.queryForObject("SELECT count(*) FROM audit_entry", Long.class);
        List<AuditFacts> facts = List.of(
                facts("GOOD_BEFORE_BAD", 1),
                new AuditFacts("chain-tester", Role.OPS, 3L, null, "bad action", "CARD", "1", "SUCCESS", Map.of()));

        assertThatThrownBy(() -> trail.appendAll(facts, null)).isInstanceOf(IllegalArgumentException.class);

        assertThat(sql.queryForObject("SELECT count(*) FROM audit_entry", Long.class))
                .isEqualTo(before);
    }

    @Test
    @Order(4)
    void aChangedEntryBreaksTheChainAtThatEntry() {
        List<AuditEntry> entries = appendMany("TO_TAMPER", 5);
        AuditEntry victim = entries.get(2);
        String original =
                owner.queryForObject("SELECT details::text FROM audit_entry WHERE id = ?", String.class, victim.id());
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
        restore(ChainLinks.linked(forged, last.hash(), key::link));
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
    void theApplicationsRoleMayNeitherChangeNorRemoveNorTruncateNorAlterTheTrail() {
        AuditEntry entry = trail.append(facts("KEEP_ME", 1));

        for (String statement : List.of(
                "UPDATE audit_entry SET outcome = 'REFUSED' WHERE id = " + entry.id(),
                "DELETE FROM audit_entry WHERE id = " + entry.id(),
                "TRUNCATE audit_entry",
                "DELETE FROM audit_chain_head",
                "INSERT INTO audit_chain_head (singleton, last_hash) VALUES (FALSE, repeat('0', 64))",
                "DELETE FROM audit_chain_key",
                "UPDATE audit_chain_key SET keyed_after = keyed_after + 1")) {
            assertThatThrownBy(() -> sql.execute(statement))
                    .as(statement)
                    .rootCause()
                    .hasMessageContaining("permission denied");
        }
        for (String statement : List.of(
                "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
                "DROP TABLE audit_entry",
                "ALTER TABLE audit_chain_head DISABLE TRIGGER audit_chain_head_forward")) {
            assertThatThrownBy(() -> sql.execute(statement))
                    .as(statement)
                    .rootCause()
                    .hasMessageContaining("must be owner");
        }
        assertThat(sql.queryForObject("SELECT current_user", String.class))
                .isEqualTo(FreshDatabaseContextCustomizerFactory.APPLICATION_ROLE);
        assertThat(sql.queryForObject("SELECT outcome FROM audit_entry WHERE id = ?", String.class, entry.id()))
                .isEqualTo("SUCCESS");
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    @Order(9)
    void theOwnersChangesAreRefusedByTheTriggersUntilSwitchedOff() {
        AuditEntry entry = trail.append(facts("KEEP_ME_TOO", 1));

        assertThatThrownBy(() -> owner.update("UPDATE audit_entry SET outcome = 'REFUSED' WHERE id = ?", entry.id()))
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("DELETE FROM audit_entry WHERE id = ?", entry.id()))
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.execute("TRUNCATE audit_entry"))
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.execute("DELETE FROM audit_chain_head"))
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("UPDATE audit_chain_head SET last_id = 1, entries = entries + 1"))
                .rootCause()
                .hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> owner.update("UPDATE audit_chain_key SET keyed_after = keyed_after + 1"))
                .rootCause()
                .hasMessageContaining("append-only");

        assertThat(owner.queryForObject("SELECT outcome FROM audit_entry WHERE id = ?", String.class, entry.id()))
                .isEqualTo("SUCCESS");
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    @Order(11)
    void anInsiderWithoutTheKeyWhoRewritesAnEntryAndRecomputesItsSuccessorsIsDetected() throws Exception {
        List<AuditEntry> entries = appendMany("TO_REWRITE", 4);
        AuditEntry victim = entries.get(1);
        List<AuditEntry> originals = stored(victim.id());
        assertThat(verifyThroughTheApi()).containsEntry("ok", true);

        // What someone with the database but not the key can do: change the entry, then recompute the plain SHA-256
        // links of it and of every entry after it, and move the chain head to the new last link.
        rewriteFrom(victim.id(), "nothing to see", ChainLinks.PLAIN);
        try {
            Map<String, Object> result = verifyThroughTheApi();

            assertThat(result).containsEntry("ok", false);
            assertThat(((Number) result.get("firstBroken")).longValue()).isEqualTo(victim.id());
        } finally {
            putBack(originals);
        }
        assertThat(verifyThroughTheApi()).containsEntry("ok", true);

        // Control: the same rewrite with the key (which only the application holds) would pass.
        rewriteFrom(victim.id(), "nothing to see", key::link);
        try {
            assertThat(verifyThroughTheApi()).containsEntry("ok", true);
        } finally {
            putBack(originals);
        }
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    @Order(12)
    void aSwitchPointThatIsMissingOrMovedBreaksTheChainAtItsFirstEntry() {
        appendMany("AFTER_SWITCH", 2);
        long first = sql.queryForObject("SELECT min(id) FROM audit_entry", Long.class);
        Map<String, Object> point = owner.queryForMap("SELECT * FROM audit_chain_key");
        try {
            tamper("audit_chain_key", "audit_chain_key_fixed", "DELETE FROM audit_chain_key");
            assertThat(trail.verify()).satisfies(result -> {
                assertThat(result.ok()).isFalse();
                assertThat(result.firstBroken()).isEqualTo(first);
            });
            // Moved to the end: every entry would be checked with plain SHA-256, which anyone can recompute; the seal,
            // computed by someone without the key, does not hold.
            List<AuditEntry> all = stored(first);
            AuditEntry last = all.get(all.size() - 1);
            owner.update(
                    "INSERT INTO audit_chain_key (keyed_after, keyed_after_hash, seal) VALUES (?, ?, ?)",
                    last.id(),
                    last.hash(),
                    HashChain.hash(last.hash(), last));
            assertThat(trail.verify().firstBroken()).isEqualTo(first);
        } finally {
            tamper("audit_chain_key", "audit_chain_key_fixed", "DELETE FROM audit_chain_key");
            owner.update(
                    "INSERT INTO audit_chain_key (keyed_after, keyed_after_hash, seal, recorded_at) VALUES (?, ?, ?, ?)",
                    point.get("keyed_after"),
                    point.get("keyed_after_hash"),
                    point.get("seal"),
                    point.get("recorded_at"));
        }
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    @Order(13)
    void eachEntryKeepsWhenItsEventHappenedBesidesWhenItWasRecorded() {
        Instant happened = Instant.now().minus(Duration.ofHours(3)).plusNanos(789);
        AuditEntry entry = trail.append(facts("HAPPENED_EARLIER", 1), happened);

        assertThat(entry.occurredAt()).isEqualTo(happened.truncatedTo(ChronoUnit.MICROS));
        assertThat(entry.at()).isAfter(happened);
        assertThat(stored(entry.id()).get(0).occurredAt()).isEqualTo(entry.occurredAt());
        AuditEntry now = trail.append(facts("HAPPENS_NOW", 1));
        assertThat(now.occurredAt()).isEqualTo(now.at());

        // The moment is part of the keyed link: moving it is detected like any other change.
        try {
            tamper("UPDATE audit_entry SET occurred_at = occurred_at + interval '1 hour' WHERE id = ?", entry.id());
            assertThat(trail.verify().firstBroken()).isEqualTo(entry.id());
        } finally {
            tamper("UPDATE audit_entry SET occurred_at = occurred_at - interval '1 hour' WHERE id = ?", entry.id());
        }
        assertThat(trail.verify().ok()).isTrue();
    }

    /** GET /api/v1/audit/verify as an ADMIN. */
    Map<String, Object> verifyThroughTheApi() throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/audit/verify")
                .accept(MediaType.APPLICATION_JSON)
                .with(ActorAuthentication.as(ActorAuthentication.actor(Role.ADMIN, null, null)))
                .exchange();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return JsonMapper.builder()
                .build()
                .readValue(result.getResponse().getContentAsString(), new TypeReference<>() {});
    }

    /** The stored entries from this id on, in order. */
    List<AuditEntry> stored(long fromId) {
        List<AuditEntry> entries = new ArrayList<>();
        for (AuditEntry entry : trail.find(
                        AuditQuery.of(null, null, null, null, null, null, 500, null), TenantScope.everything())
                .items()) {
            if (entry.id() >= fromId) {
                entries.add(0, entry);
            }
        }
        return entries;
    }

    /**
     * As the owner, with the triggers off: gives the entry another reason, relinks it and every later entry with the
     * given rule, and moves the chain head's hash to the new last link.
     */
    void rewriteFrom(long fromId, String reason, ChainLinks.Rule relink) {
        List<AuditEntry> entries = stored(fromId);
        List<AuditEntry> changed = new ArrayList<>();
        for (AuditEntry e : entries) {
            Map<String, Object> details = new java.util.TreeMap<>(e.details());
            if (e.id() == fromId) {
                details.put("reason", reason);
            }
            changed.add(e.withDetails(details));
        }
        overwrite(ChainLinks.linked(changed, entries.get(0).prevHash(), relink));
    }

    /** Puts the given entries' stored values back, and the head's hash to the last one's. */
    void putBack(List<AuditEntry> originals) {
        overwrite(originals);
    }

    private void overwrite(List<AuditEntry> entries) {
        owner.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
        owner.execute("ALTER TABLE audit_chain_head DISABLE TRIGGER audit_chain_head_forward");
        try {
            // prev_hash is unique: clear the links first, then write the new ones.
            for (AuditEntry e : entries) {
                owner.update(
                        "UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?",
                        String.format("%064x", e.id()),
                        String.format("%064x", e.id()),
                        e.id());
            }
            for (AuditEntry e : entries) {
                owner.update(
                        "UPDATE audit_entry SET details = CAST(? AS jsonb), prev_hash = ?, hash = ? WHERE id = ?",
                        HashChain.json(e.details()),
                        e.prevHash(),
                        e.hash(),
                        e.id());
            }
            owner.update(
                    "UPDATE audit_chain_head SET last_hash = ? WHERE last_id = ?",
                    entries.get(entries.size() - 1).hash(),
                    entries.get(entries.size() - 1).id());
        } finally {
            owner.execute("ALTER TABLE audit_chain_head ENABLE TRIGGER audit_chain_head_forward");
            owner.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
        }
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

    /** As the owner: switches the append-only trigger off for one statement. */
    void tamper(String statement, Object... args) {
        tamper("audit_entry", "audit_entry_append_only", statement, args);
    }

    void tamper(String table, String trigger, String statement, Object... args) {
        owner.execute("ALTER TABLE " + table + " DISABLE TRIGGER " + trigger);
        try {
            owner.update(statement, args);
        } finally {
            owner.execute("ALTER TABLE " + table + " ENABLE TRIGGER " + trigger);
        }
    }

    void restore(AuditEntry entry) {
        owner.update(
                "INSERT INTO audit_entry (id, at, occurred_at, actor, role, agent_id, enterprise_id, action,"
                        + " target_type, target_id, outcome, details, prev_hash, hash) OVERRIDING SYSTEM VALUE"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)",
                entry.id(),
                java.time.OffsetDateTime.ofInstant(entry.at(), java.time.ZoneOffset.UTC),
                java.time.OffsetDateTime.ofInstant(entry.occurredAt(), java.time.ZoneOffset.UTC),
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
