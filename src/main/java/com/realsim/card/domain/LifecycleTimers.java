package com.realsim.card.domain;

import com.realsim.card.BlockingReason;
import com.realsim.card.RealNameAssessment;
import com.realsim.card.events.CardRef;
import com.realsim.card.events.CardsActivated;
import com.realsim.card.events.CardsSuspended;
import com.realsim.card.events.CardsTestPeriodEnded;
import com.realsim.catalogue.Operator;
import com.realsim.catalogue.OperatorService;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.catalogue.ServicePlanSummary;
import com.realsim.platform.jobs.Recurring;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The timers of a card's way to service (domain-rules.md, "Card lifecycle"), a {@code @Recurring} job (each due run
 * once across instances; cron {@code realsim.card.lifecycle-timers-cron}, default every hour at minute 5):
 *
 * <ol>
 *   <li><b>The test period ends</b> after the plan's test period ({@code service_plan.test_period_days}, counted from
 *       the hand-over): TEST → PENDING_ACTIVATION, as {@link Card#endTestPeriod}; its silent period begins.
 *   <li><b>The silent period (沉默期) ends</b> after the operator's limit ({@code operator_setting.silent_period_days},
 *       counted from when the card began waiting for activation): the card is switched on, as {@link
 *       Card#silentPeriodEnded} — ACTIVE when its real-name is complete, otherwise SUSPENDED with {@code UNVERIFIED}.
 * </ol>
 *
 * <p>Set-based: each batch of at most {@value #BATCH} due cards is one transaction — the due cards locked with {@code
 * FOR UPDATE SKIP LOCKED} (a card another transaction holds is left for the next run, so the timers never wait for or
 * deadlock with an order or a feed locking in ICCID order), their real-name read in one statement ({@link
 * RealNameOfCards}) and each state move one {@code UPDATE}. The trail gets the entries the card-by-card moves write
 * ({@code CARD_TEST_PERIOD_ENDED}, {@code CARD_ACTIVATED}, {@code CARD_SUSPENDED}), appended a batch at a time. The
 * cancellation cycle of working cards is the other timer ({@link CancellationCycle}).
 */
@Component
@RequiredArgsConstructor
class LifecycleTimers {

    private static final Logger log = LoggerFactory.getLogger(LifecycleTimers.class);

    static final int BATCH = 500;

    /** What one run did. */
    record Outcome(int testPeriodsEnded, int activated, int stoppedUnverified) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ServicePlanService plans;
    private final OperatorService operators;
    private final RealNameOfCards realNames;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Recurring(name = "card-lifecycle-timers", cron = "${realsim.card.lifecycle-timers-cron:0 5 * * * *}")
    void scheduled() {
        Outcome outcome = run();
        log.info(
                "Lifecycle timers: {} test periods ended; silent periods ended: {} cards active, {} stopped as unverified",
                outcome.testPeriodsEnded(),
                outcome.activated(),
                outcome.stoppedUnverified());
    }

    Outcome run() {
        Instant now = clock.instant();
        int ended = endTestPeriods(now);
        int activated = 0;
        int stopped = 0;
        for (Map.Entry<Operator, Period> silent : operators.silentPeriods().entrySet()) {
            Instant cutoff =
                    now.atZone(Card.BUSINESS_ZONE).minus(silent.getValue()).toInstant();
            while (true) {
                int[] batch = transactions.execute(status -> endSilentPeriods(silent.getKey(), cutoff, now));
                activated += batch[0];
                stopped += batch[1];
                if (batch[0] + batch[1] < BATCH) {
                    break;
                }
            }
        }
        return new Outcome(ended, activated, stopped);
    }

    /** The test packages grouped by the length of their test period: one statement per length and batch. */
    private int endTestPeriods(Instant now) {
        Map<Integer, List<Long>> byLength = plans.plans().stream()
                .filter(ServicePlanSummary::testPackage)
                .collect(Collectors.groupingBy(
                        ServicePlanSummary::testPeriodDays,
                        TreeMap::new,
                        Collectors.mapping(ServicePlanSummary::id, Collectors.toList())));
        int ended = 0;
        for (Map.Entry<Integer, List<Long>> length : byLength.entrySet()) {
            Instant cutoff =
                    now.atZone(Card.BUSINESS_ZONE).minusDays(length.getKey()).toInstant();
            Long[] planIds = length.getValue().toArray(Long[]::new);
            while (true) {
                List<CardRef> batch = transactions.execute(status -> {
                    List<CardRef> moved = jdbc.sql("""
                                    WITH due AS (
                                        SELECT id FROM card
                                         WHERE state = 'TEST' AND plan_id = ANY(:plans) AND test_started_at <= :cutoff
                                         ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED)
                                    UPDATE card c SET state = 'PENDING_ACTIVATION', pending_since = :now,
                                                      updated_at = :now, version = c.version + 1
                                      FROM due WHERE c.id = due.id
                                    RETURNING c.id, c.iccid, c.agent_id, c.enterprise_id""")
                            .param("plans", planIds)
                            .param("cutoff", Timestamp.from(cutoff))
                            .param("batch", BATCH)
                            .param("now", Timestamp.from(now))
                            .query(LifecycleTimers::ref)
                            .list();
                    if (!moved.isEmpty()) {
                        events.publishEvent(new CardsTestPeriodEnded(moved));
                    }
                    return moved;
                });
                ended += batch.size();
                if (batch.size() < BATCH) {
                    break;
                }
            }
        }
        return ended;
    }

    /** One batch of the operator's cards whose silent period is over: {activated, stopped}. */
    private int[] endSilentPeriods(Operator operator, Instant cutoff, Instant now) {
        List<Long> due = jdbc.sql("""
                        SELECT id FROM card
                         WHERE state = 'PENDING_ACTIVATION' AND operator = :operator AND pending_since <= :cutoff
                         ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED""")
                .param("operator", operator.name())
                .param("cutoff", Timestamp.from(cutoff))
                .param("batch", BATCH)
                .query(Long.class)
                .list();
        if (due.isEmpty()) {
            return new int[] {0, 0};
        }
        Map<Long, RealNameAssessment> assessed = realNames.assess(due);
        List<Long> complete = new ArrayList<>();
        List<Long> incomplete = new ArrayList<>();
        for (Long id : due) {
            (assessed.get(id).satisfied() ? complete : incomplete).add(id);
        }
        List<CardRef> active = jdbc.sql("""
                        UPDATE card SET state = 'ACTIVE', activated_at = :now, updated_at = :now, version = version + 1
                         WHERE id = ANY(:ids) AND state = 'PENDING_ACTIVATION'
                        RETURNING id, iccid, agent_id, enterprise_id""")
                .param("ids", complete.toArray(Long[]::new))
                .param("now", Timestamp.from(now))
                .query(LifecycleTimers::ref)
                .list();
        List<CardRef> stopped = jdbc.sql("""
                        WITH moved AS (
                            UPDATE card SET state = 'SUSPENDED', activated_at = :now, updated_at = :now,
                                            version = version + 1
                             WHERE id = ANY(:ids) AND state = 'PENDING_ACTIVATION'
                            RETURNING id, iccid, agent_id, enterprise_id),
                        stacked AS (
                            INSERT INTO card_blocking_reason (card_id, reason, since, added_by, note)
                            SELECT id, 'UNVERIFIED', :now, 'system', :note FROM moved
                            ON CONFLICT (card_id, reason) WHERE cleared_at IS NULL DO NOTHING)
                        SELECT id, iccid, agent_id, enterprise_id FROM moved""")
                .param("ids", incomplete.toArray(Long[]::new))
                .param("now", Timestamp.from(now))
                .param("note", Card.SILENT_PERIOD_ENDED_INCOMPLETE)
                .query(LifecycleTimers::ref)
                .list();
        if (!active.isEmpty()) {
            events.publishEvent(new CardsActivated(active.stream()
                    .map(card -> new CardsActivated.Activated(
                            card, assessed.get(card.cardId()).requirement().code()))
                    .toList()));
        }
        if (!stopped.isEmpty()) {
            events.publishEvent(
                    new CardsSuspended(BlockingReason.UNVERIFIED, Card.SILENT_PERIOD_ENDED_INCOMPLETE, null, stopped));
        }
        return new int[] {active.size(), stopped.size()};
    }

    private static CardRef ref(ResultSet rs, int row) throws SQLException {
        return new CardRef(
                rs.getLong("id"),
                rs.getString("iccid"),
                rs.getObject("agent_id", Long.class),
                rs.getObject("enterprise_id", Long.class));
    }
}
