package com.realsim.audit;

import com.realsim.platform.AuditedEvent.AuditFacts;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.TenantScope;
import com.realsim.platform.web.Cursor;
import com.realsim.platform.web.CursorPage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail: appends entries to the hash chain, lists them within the reader's tenant scope, and verifies the
 * chain. Modules do not call it: they publish events implementing {@link com.realsim.platform.AuditedEvent}, and
 * {@link AuditedEventRecorder} appends them.
 */
@Service
public class AuditTrail {

    static final int VERIFY_BATCH = 1_000;
    static final int APPEND_BATCH = 1_000;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};
    private static final String COLUMNS =
            "id, at, occurred_at, actor, role, agent_id, enterprise_id, action, target_type, target_id, outcome,"
                    + " details::text AS details, prev_hash, hash";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;
    private final JsonMapper json;
    private final JsonMapper stored;
    private final TransactionTemplate snapshot;
    private final ChainKey key;

    AuditTrail(JdbcTemplate batches, Clock clock, JsonMapper json, TransactionTemplate transactions, ChainKey key) {
        this.jdbc = JdbcClient.create(batches);
        this.batches = batches;
        this.key = key;
        this.clock = clock;
        this.json = json;
        // Stored details are read with exact decimals, so that they hash exactly as they were written.
        this.stored = json.rebuild()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /** Appends the facts of something that happens now; see {@link #append(AuditFacts, Instant)}. */
    @Transactional
    public AuditEntry append(AuditFacts facts) {
        return append(facts, null);
    }

    /**
     * Appends the facts as the chain's next entry, in the caller's transaction (or a new one). The chain head is
     * locked until that transaction ends, so concurrent appends queue up and the chain stays linear.
     *
     * @param occurredAt when the event happened; null for now (the moment of recording)
     * @throws IllegalArgumentException when the facts break the trail's format (unknown target type, action or
     *     outcome not an upper-case code): a programming error of the publishing module
     */
    @Transactional
    public AuditEntry append(AuditFacts facts, Instant occurredAt) {
        return appendAll(List.of(facts), occurredAt).get(0);
    }

    /**
     * Appends the facts as the chain's next entries, in their order, under one lock of the chain head and in the
     * caller's transaction (or a new one): the ids come from the sequence in one statement, the links are computed
     * here one after the other, the rows go in by one {@code INSERT … SELECT FROM unnest(…)} per {@value #APPEND_BATCH}
     * entries, and the head moves once. The
     * chain is exactly what as many single appends would have made; nothing else can append in between.
     *
     * @param occurredAt when the events happened; null for now (the moment of recording)
     * @throws IllegalArgumentException when any of the facts breaks the trail's format (nothing is appended)
     */
    @Transactional
    public List<AuditEntry> appendAll(List<AuditFacts> facts, Instant occurredAt) {
        if (facts.isEmpty()) {
            return List.of();
        }
        facts.forEach(AuditTrail::check);
        String prevHash = jdbc.sql("SELECT last_hash FROM audit_chain_head WHERE singleton FOR UPDATE")
                .query(String.class)
                .single();
        List<Long> ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('audit_entry', 'id')) AS id "
                        + "FROM generate_series(1, :count) ORDER BY id")
                .param("count", facts.size())
                .query(Long.class)
                .list();
        Instant at = HashChain.truncate(clock.instant());
        Instant occurred = occurredAt == null ? at : HashChain.truncate(occurredAt);
        List<AuditEntry> entries = new ArrayList<>(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            AuditFacts fact = facts.get(i);
            AuditEntry unhashed = new AuditEntry(
                    ids.get(i),
                    at,
                    occurred,
                    HashChain.storable(fact.actor()),
                    fact.role(),
                    fact.agentId(),
                    fact.enterpriseId(),
                    fact.action(),
                    fact.targetType(),
                    HashChain.storable(fact.targetId()),
                    fact.outcome(),
                    details(fact.details()),
                    prevHash,
                    null);
            AuditEntry entry = unhashed.withLinks(prevHash, key.link(prevHash, unhashed));
            entries.add(entry);
            prevHash = entry.hash();
        }
        for (int from = 0; from < entries.size(); from += APPEND_BATCH) {
            insert(entries.subList(from, Math.min(entries.size(), from + APPEND_BATCH)));
        }
        AuditEntry last = entries.get(entries.size() - 1);
        jdbc.sql("UPDATE audit_chain_head SET last_id = :id, last_hash = :hash, entries = entries + :count "
                        + "WHERE singleton")
                .param("id", last.id())
                .param("hash", last.hash())
                .param("count", entries.size())
                .update();
        return entries;
    }

    /** One statement for the whole batch: every column as an array, unnested into rows in the batch's order. */
    private void insert(List<AuditEntry> batch) {
        int size = batch.size();
        Long[] ids = new Long[size];
        String[] ats = new String[size];
        String[] occurred = new String[size];
        String[] actors = new String[size];
        String[] roles = new String[size];
        Long[] agents = new Long[size];
        Long[] enterprises = new Long[size];
        String[] actions = new String[size];
        String[] targetTypes = new String[size];
        String[] targetIds = new String[size];
        String[] outcomes = new String[size];
        String[] details = new String[size];
        String[] prevHashes = new String[size];
        String[] hashes = new String[size];
        for (int i = 0; i < size; i++) {
            AuditEntry entry = batch.get(i);
            ids[i] = entry.id();
            ats[i] = entry.at().toString();
            occurred[i] = entry.occurredAt().toString();
            actors[i] = entry.actor();
            roles[i] = entry.role() == null ? null : entry.role().name();
            agents[i] = entry.agentId();
            enterprises[i] = entry.enterpriseId();
            actions[i] = entry.action();
            targetTypes[i] = entry.targetType();
            targetIds[i] = entry.targetId();
            outcomes[i] = entry.outcome();
            details[i] = HashChain.json(entry.details());
            prevHashes[i] = entry.prevHash();
            hashes[i] = entry.hash();
        }
        batches.update("""
                INSERT INTO audit_entry (id, at, occurred_at, actor, role, agent_id, enterprise_id, action,
                                         target_type, target_id, outcome, details, prev_hash, hash)
                OVERRIDING SYSTEM VALUE
                SELECT id, CAST(at AS timestamptz), CAST(occurred_at AS timestamptz), actor, role, agent_id,
                       enterprise_id, action, target_type, target_id, outcome, CAST(details AS jsonb), prev_hash, hash
                FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS text[]),
                            CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS text[]), CAST(? AS text[]))
                     AS t(id, at, occurred_at, actor, role, agent_id, enterprise_id, action, target_type, target_id,
                          outcome, details, prev_hash, hash)
                """, statement -> {
            Connection connection = statement.getConnection();
            statement.setArray(1, connection.createArrayOf("bigint", ids));
            statement.setArray(2, connection.createArrayOf("text", ats));
            statement.setArray(3, connection.createArrayOf("text", occurred));
            statement.setArray(4, connection.createArrayOf("text", actors));
            statement.setArray(5, connection.createArrayOf("text", roles));
            statement.setArray(6, connection.createArrayOf("bigint", agents));
            statement.setArray(7, connection.createArrayOf("bigint", enterprises));
            statement.setArray(8, connection.createArrayOf("text", actions));
            statement.setArray(9, connection.createArrayOf("text", targetTypes));
            statement.setArray(10, connection.createArrayOf("text", targetIds));
            statement.setArray(11, connection.createArrayOf("text", outcomes));
            statement.setArray(12, connection.createArrayOf("text", details));
            statement.setArray(13, connection.createArrayOf("text", prevHashes));
            statement.setArray(14, connection.createArrayOf("text", hashes));
        });
    }

    /** The entries the current actor may see that match the query, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<AuditEntry> visible(AuditQuery query) {
        return find(query, CurrentActor.scope());
    }

    @Transactional(readOnly = true)
    CursorPage<AuditEntry> find(AuditQuery query, TenantScope scope) {
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(COLUMNS)
                .append(" FROM audit_entry WHERE ")
                .append(AuditScope.condition(scope));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scopeTenant", scope.sqlParameter());
        condition(sql, params, "target_type = :targetType", "targetType", query.targetType());
        condition(sql, params, "target_id = :targetId", "targetId", query.targetId());
        condition(sql, params, "actor = :actor", "actor", query.actor());
        condition(sql, params, "action = :action", "action", query.action());
        condition(sql, params, "at >= :from", "from", timestamp(query.from()));
        condition(sql, params, "at < :to", "to", timestamp(query.to()));
        if (query.afterAt() != null) {
            sql.append(" AND (at, id) < (:afterAt, :afterId)");
            params.put("afterAt", timestamp(query.afterAt()));
            params.put("afterId", query.afterId());
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT :limit");
        params.put("limit", query.size() + 1);
        List<AuditEntry> rows =
                jdbc.sql(sql.toString()).params(params).query(this::entry).list();
        return CursorPage.of(rows, query.size(), entry -> Cursor.encode(entry.cursorKey()));
    }

    /**
     * Every action the trail has recorded, in code order, for the page's action filter. A loose index scan on the
     * action index: one short look-up per distinct action, however long the trail. Action names are kinds of event,
     * not any tenant's data.
     */
    @Transactional(readOnly = true)
    public List<String> actions() {
        return jdbc.sql("""
                        WITH RECURSIVE recorded(action) AS (
                            (SELECT action FROM audit_entry ORDER BY action LIMIT 1)
                            UNION ALL
                            SELECT (SELECT e.action FROM audit_entry e WHERE e.action > r.action
                                    ORDER BY e.action LIMIT 1)
                            FROM recorded r WHERE r.action IS NOT NULL)
                        SELECT action FROM recorded WHERE action IS NOT NULL""").query(String.class).list();
    }

    /** How many entries within the scope were recorded since the given moment. */
    @Transactional(readOnly = true)
    public long countSince(Instant since, TenantScope scope) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE at >= :since AND " + AuditScope.condition(scope))
                .param("since", timestamp(since))
                .param("scopeTenant", scope.sqlParameter())
                .query(Long.class)
                .single();
    }

    /**
     * The chain at a glance, in one statement (the dashboard; {@link #verify()} recomputes it): how many entries it
     * links, when the last was recorded, whether the seal of its switch to keyed links holds, and how many entries
     * were recorded since the given moment.
     */
    public record ChainStatus(long entries, Instant lastAt, boolean sealHolds, long since) {}

    @Transactional(readOnly = true)
    public ChainStatus chainStatus(Instant since) {
        return jdbc.sql("""
                        SELECT h.entries, h.last_id, k.keyed_after, k.keyed_after_hash, k.seal,
                               (SELECT e.at FROM audit_entry e WHERE e.id = h.last_id) AS last_at,
                               (SELECT count(*) FROM audit_entry e WHERE e.at >= :since) AS recent
                        FROM audit_chain_head h LEFT JOIN audit_chain_key k ON k.singleton
                        WHERE h.singleton""")
                .param("since", timestamp(since))
                .query((rs, n) -> {
                    Long keyedAfter = rs.getObject("keyed_after", Long.class);
                    long lastId = rs.getLong("last_id");
                    boolean sealHolds = keyedAfter != null
                            && keyedAfter <= lastId
                            && key.sealHolds(keyedAfter, rs.getString("keyed_after_hash"), rs.getString("seal"));
                    java.sql.Timestamp lastAt = rs.getTimestamp("last_at");
                    return new ChainStatus(
                            rs.getLong("entries"),
                            lastAt == null ? null : lastAt.toInstant(),
                            sealHolds,
                            rs.getLong("recent"));
                })
                .single();
    }

    /**
     * Recomputes the chain from the first entry to the entry the chain head names, in id order and in batches of
     * {@value #VERIFY_BATCH}, each read in its own short query: a long trail is never held in memory, and appends go
     * on meanwhile (entries appended after the start are not examined). Entries up to the sealed switch point must
     * carry their plain SHA-256 links, the one at the switch point the link the seal names, and every later entry its
     * keyed link; a switch point that is missing or whose seal does not hold breaks the chain at its first entry.
     */
    public ChainVerification verify() {
        Head head = Objects.requireNonNull(snapshot.execute(status -> jdbc.sql("""
                        SELECT h.last_id, h.last_hash,
                               (SELECT min(e.id) FROM audit_entry e WHERE e.id > coalesce(h.last_id, 0)) AS beyond,
                               (SELECT min(e.id) FROM audit_entry e) AS first,
                               k.keyed_after, k.keyed_after_hash, k.seal
                        FROM audit_chain_head h LEFT JOIN audit_chain_key k ON k.singleton
                        WHERE h.singleton
                        """)
                .query((rs, n) -> new Head(
                        rs.getObject("last_id", Long.class),
                        rs.getString("last_hash"),
                        rs.getObject("beyond", Long.class),
                        rs.getObject("first", Long.class),
                        rs.getObject("keyed_after", Long.class),
                        rs.getString("keyed_after_hash"),
                        rs.getString("seal")))
                .single()));
        long lastId = head.lastId() == null ? 0 : head.lastId();
        if (head.keyedAfter() == null
                || !key.sealHolds(head.keyedAfter(), head.keyedAfterHash(), head.seal())
                || head.keyedAfter() > lastId) {
            // Without a sealed switch point no entry's rule is known: nothing can be trusted.
            long first = head.first() != null ? head.first() : lastId;
            return ChainVerification.brokenAt(0, first, head.lastHash());
        }
        long keyedAfter = head.keyedAfter();
        String expectedPrev = HashChain.GENESIS;
        long checked = 0;
        long after = 0;
        while (after < lastId) {
            List<AuditEntry> batch = jdbc.sql("SELECT " + COLUMNS
                            + " FROM audit_entry WHERE id > :after AND id <= :last ORDER BY id" + " LIMIT :batch")
                    .param("after", after)
                    .param("last", lastId)
                    .param("batch", VERIFY_BATCH)
                    .query(this::entry)
                    .list();
            if (batch.isEmpty()) {
                break;
            }
            for (AuditEntry entry : batch) {
                checked++;
                if (!links(expectedPrev, after, entry, keyedAfter, head.keyedAfterHash())) {
                    return ChainVerification.brokenAt(checked, entry.id(), head.lastHash());
                }
                expectedPrev = entry.hash();
                after = entry.id();
            }
        }
        if (after != lastId || !expectedPrev.equals(head.lastHash())) {
            // Entries missing from the end: the head names an entry that is not there, or not that one.
            return ChainVerification.brokenAt(checked, lastId, head.lastHash());
        }
        if (head.beyond() != null) {
            // An entry after the one the head names, in the same snapshot: it was not appended through the chain.
            return ChainVerification.brokenAt(checked + 1, head.beyond(), head.lastHash());
        }
        return ChainVerification.intact(checked, head.lastHash());
    }

    /** Whether the entry, following the entry {@code previousId} whose link is {@code prevHash}, holds its place. */
    private boolean links(String prevHash, long previousId, AuditEntry entry, long keyedAfter, String keyedAfterHash) {
        if (!entry.prevHash().equals(prevHash)) {
            return false;
        }
        if (entry.id() <= keyedAfter) {
            return HashChain.hash(prevHash, entry).equals(entry.hash())
                    && (entry.id() != keyedAfter || entry.hash().equals(keyedAfterHash));
        }
        if (previousId < keyedAfter || (previousId == keyedAfter && !prevHash.equals(keyedAfterHash))) {
            return false; // the first keyed entry follows the sealed switch point, and nothing else
        }
        return key.links(prevHash, entry);
    }

    private record Head(
            Long lastId,
            String lastHash,
            Long beyond,
            Long first,
            Long keyedAfter,
            String keyedAfterHash,
            String seal) {}

    private Map<String, Object> details(Map<String, Object> details) {
        // Jackson turns values such as instants, enums and records into JSON as it does for events; through the
        // canonical text and back, the entry then holds exactly what is stored and read again for verification.
        Map<String, Object> plain = stored.readValue(json.writeValueAsString(HashChain.storable(details)), JSON_OBJECT);
        return stored.readValue(HashChain.json(HashChain.storable(plain)), JSON_OBJECT);
    }

    private AuditEntry entry(ResultSet rs, int row) throws SQLException {
        String role = rs.getString("role");
        OffsetDateTime occurred = rs.getObject("occurred_at", OffsetDateTime.class);
        return new AuditEntry(
                rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                occurred == null ? null : occurred.toInstant(),
                rs.getString("actor"),
                role == null ? null : Role.valueOf(role),
                rs.getObject("agent_id", Long.class),
                rs.getObject("enterprise_id", Long.class),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("outcome"),
                stored.readValue(rs.getString("details"), JSON_OBJECT),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private static void check(AuditFacts facts) {
        if (facts.actor() == null || facts.actor().isBlank()) {
            throw new IllegalArgumentException("An audit entry names its actor (or \"system\")");
        }
        if (facts.targetType() == null || !AuditQuery.TARGET_TYPES.contains(facts.targetType())) {
            throw new IllegalArgumentException("Unknown audit target type " + facts.targetType());
        }
        if (facts.action() == null || !CODE.matcher(facts.action()).matches()) {
            throw new IllegalArgumentException("An audit action is an upper-case code: " + facts.action());
        }
        if (facts.outcome() == null || !CODE.matcher(facts.outcome()).matches()) {
            throw new IllegalArgumentException("An audit outcome is an upper-case code: " + facts.outcome());
        }
    }

    private static void condition(
            StringBuilder sql, Map<String, Object> params, String condition, String name, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.put(name, value);
        }
    }

    private static OffsetDateTime timestamp(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
