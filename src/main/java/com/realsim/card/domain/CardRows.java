package com.realsim.card.domain;

import com.realsim.card.BlockingReason;
import com.realsim.card.CardState;
import com.realsim.card.CardSummary;
import com.realsim.catalogue.Operator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Many cards at once, in SQL: what an order of 10,000 cards reads of its cards and the hand-over it makes, each one
 * statement whatever the number of cards (loading, locking and saving 10,000 {@link Card}s one by one took over a
 * minute). The rules stay the aggregate's: the caller decides with {@link CardState#canMoveTo} on the facts read
 * here, under the rows' locks, before it writes. Runs in the caller's transaction.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CardRows {

    private static final String FACTS = "SELECT id, iccid, state, agent_id, enterprise_id, plan_id, imei_binding "
            + "FROM card WHERE iccid = ANY(:iccids) ORDER BY iccid";

    private final JdbcClient jdbc;

    /** What the order checks need to know of a card. */
    public record Facts(
            long id,
            String iccid,
            CardState state,
            Long agentId,
            Long enterpriseId,
            long planId,
            boolean imeiBinding) {}

    /** The cards with these ICCIDs that exist, in ICCID order (one statement). */
    public List<Facts> facts(Collection<String> iccids) {
        return jdbc.sql(FACTS)
                .param("iccids", iccids.toArray(String[]::new))
                .query(CardRows::facts)
                .list();
    }

    /**
     * The cards with these ICCIDs that exist, locked ({@code FOR UPDATE}) in ICCID order in one statement, so that two
     * callers locking overlapping cards queue instead of deadlocking (the order {@link LockedCards} keeps too).
     */
    public List<Facts> lock(Collection<String> iccids) {
        return jdbc.sql(FACTS + " FOR UPDATE")
                .param("iccids", iccids.toArray(String[]::new))
                .query(CardRows::facts)
                .list();
    }

    /**
     * Hands locked inventory cards to an enterprise (the set-based form of {@link Card#handOver}): a card whose plan
     * is one of {@code testPlans} starts its test period, every other card waits for activation. Answers the cards as
     * they are now, in ICCID order.
     */
    public List<CardSummary> handOver(
            Collection<Long> cardIds,
            Set<Long> testPlans,
            long agentId,
            long enterpriseId,
            long orderId,
            Instant now,
            LongFunction<String> planCodes) {
        return jdbc
                .sql("""
                        UPDATE card SET state = CASE WHEN plan_id = ANY(:testPlans) THEN 'TEST'
                                                     ELSE 'PENDING_ACTIVATION' END,
                                        test_started_at = CASE WHEN plan_id = ANY(:testPlans)
                                                               THEN CAST(:now AS timestamptz) END,
                                        pending_since = CASE WHEN plan_id = ANY(:testPlans) THEN NULL
                                                             ELSE CAST(:now AS timestamptz) END,
                                        agent_id = :agentId, enterprise_id = :enterpriseId,
                                        handled_by_order_id = :orderId, updated_at = :now, version = version + 1
                        WHERE id = ANY(:ids) AND state = 'INVENTORY'
                        RETURNING id, iccid, msisdn, operator, plan_id, state, agent_id, enterprise_id, created_at
                        """)
                .param("testPlans", testPlans.toArray(Long[]::new))
                .param("agentId", agentId)
                .param("enterpriseId", enterpriseId)
                .param("orderId", orderId)
                .param("now", Timestamp.from(now))
                .param("ids", cardIds.toArray(Long[]::new))
                .query((rs, row) -> new CardSummary(
                        rs.getLong("id"),
                        rs.getString("iccid"),
                        rs.getString("msisdn"),
                        Operator.valueOf(rs.getString("operator")),
                        planCodes.apply(rs.getLong("plan_id")),
                        CardState.valueOf(rs.getString("state")),
                        rs.getObject("agent_id", Long.class),
                        rs.getObject("enterprise_id", Long.class),
                        rs.getTimestamp("created_at").toInstant()))
                .list()
                .stream()
                .sorted(Comparator.comparing(CardSummary::iccid))
                .toList();
    }

    /** The active blocking reasons of these cards by card id, oldest first (one statement). */
    public Map<Long, List<BlockingReason>> activeReasons(Collection<Long> cardIds) {
        if (cardIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<BlockingReason>> reasons = new HashMap<>();
        jdbc.sql("""
                        SELECT card_id, reason FROM card_blocking_reason
                        WHERE card_id = ANY(:ids) AND cleared_at IS NULL ORDER BY since, id""")
                .param("ids", cardIds.toArray(Long[]::new))
                .query((rs, row) -> reasons.computeIfAbsent(rs.getLong("card_id"), id -> new ArrayList<>())
                        .add(BlockingReason.valueOf(rs.getString("reason"))))
                .list();
        return reasons;
    }

    private static Facts facts(ResultSet rs, int row) throws SQLException {
        return new Facts(
                rs.getLong("id"),
                rs.getString("iccid"),
                CardState.valueOf(rs.getString("state")),
                rs.getObject("agent_id", Long.class),
                rs.getObject("enterprise_id", Long.class),
                rs.getLong("plan_id"),
                rs.getBoolean("imei_binding"));
    }
}
