package com.realsim.risk.channels;

import com.realsim.platform.Actor;
import com.realsim.platform.ChinaTime;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agent figures (OPS, ADMIN): two set-based statements whatever the number of agents — one for the counts, one for
 * the most frequent rejection reasons. Each count is grouped by the {@code agent_id} its table holds: the agent that
 * serves the record now (after a hand-over, the new one), except the rejections, which come from the audit trail's
 * {@code ENTERPRISE_REJECTED} entries (the enterprise record keeps only its last decision; the trail keeps each one,
 * under the agent it was made against).
 */
@Service
@RequiredArgsConstructor
public class ChannelFigures {

    /** The longest period one report covers, in days. */
    public static final int MAX_DAYS = 366;

    /** The period when none is asked for: the last 30 days, today included. */
    public static final int DEFAULT_DAYS = 30;

    /** How many of an agent's rejection reasons are shown. */
    static final int REASONS = 3;

    private static final String COUNTS = """
            WITH registrations AS (
                SELECT agent_id, count(*) AS n FROM enterprise
                WHERE created_at >= :from AND created_at < :to GROUP BY agent_id),
            rejections AS (
                SELECT agent_id, count(*) AS n FROM audit_entry
                WHERE action = 'ENTERPRISE_REJECTED' AND agent_id IS NOT NULL AND at >= :from AND at < :to
                GROUP BY agent_id),
            orders AS (
                SELECT agent_id, count(*) AS n FROM business_order
                WHERE created_at >= :from AND created_at < :to GROUP BY agent_id),
            bound AS (
                SELECT agent_id, count(DISTINCT card_id) AS n FROM card_end_user
                WHERE bound_at >= :from AND bound_at < :to GROUP BY agent_id),
            alerts AS (
                SELECT c.agent_id, count(DISTINCT c.alert_id) AS n
                FROM risk_alert_card c JOIN risk_alert a ON a.id = c.alert_id
                WHERE c.agent_id IS NOT NULL AND a.opened_at >= :from AND a.opened_at < :to GROUP BY c.agent_id),
            reverifications AS (
                SELECT agent_id, count(*) AS n FROM verification_case
                WHERE kind = 'REVERIFICATION' AND status = 'REJECTED' AND decided_at >= :from AND decided_at < :to
                GROUP BY agent_id)
            SELECT a.id, a.name, a.status,
                   coalesce(registrations.n, 0) AS registrations, coalesce(rejections.n, 0) AS rejections,
                   coalesce(orders.n, 0) AS orders, coalesce(bound.n, 0) AS cards_bound,
                   coalesce(alerts.n, 0) AS risk_alerts, coalesce(reverifications.n, 0) AS reverifications_failed
            FROM agent_organisation a
            LEFT JOIN registrations ON registrations.agent_id = a.id
            LEFT JOIN rejections ON rejections.agent_id = a.id
            LEFT JOIN orders ON orders.agent_id = a.id
            LEFT JOIN bound ON bound.agent_id = a.id
            LEFT JOIN alerts ON alerts.agent_id = a.id
            LEFT JOIN reverifications ON reverifications.agent_id = a.id""";

    private static final String REASONS_BY_AGENT = """
            SELECT agent_id, reason, n FROM (
                SELECT agent_id, details->>'reason' AS reason, count(*) AS n,
                       row_number() OVER (PARTITION BY agent_id ORDER BY count(*) DESC, details->>'reason') AS place
                FROM audit_entry
                WHERE action = 'ENTERPRISE_REJECTED' AND agent_id IS NOT NULL AND at >= :from AND at < :to
                GROUP BY agent_id, details->>'reason') ranked
            WHERE place <= :reasons
            ORDER BY agent_id, place""";

    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * Every agent's figures over the days {@code from} to {@code to} (China time, both included; by default the last
     * {@value #DEFAULT_DAYS} days), the highest {@code sort} figure first (by default the risk alerts), then by name.
     *
     * @throws ValidationException naming {@code from} when it is after {@code to} or the period is longer than
     *     {@value #MAX_DAYS} days
     */
    @Transactional(readOnly = true)
    public FiguresReport figures(AgentFigure sort, LocalDate from, LocalDate to) {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.OPS) && !actor.is(Role.ADMIN)) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        LocalDate last = to == null ? ChinaTime.today(clock) : to;
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : from;
        if (first.isAfter(last)) {
            throw new ValidationException(
                    new FieldProblem("from", ErrorCode.VALIDATION_FAILED, "channels.period.fromAfterTo"));
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new ValidationException(
                    new FieldProblem("from", ErrorCode.VALIDATION_FAILED, "channels.period.tooLong", MAX_DAYS));
        }
        AgentFigure order = sort == null ? AgentFigure.RISK_ALERTS : sort;
        OffsetDateTime start = startOf(first);
        OffsetDateTime end = startOf(last.plusDays(1));

        Map<Long, List<AgentFigures.ReasonCount>> reasons = new HashMap<>();
        jdbc.sql(REASONS_BY_AGENT)
                .param("from", start)
                .param("to", end)
                .param("reasons", REASONS)
                .query((row, n) -> reasons.computeIfAbsent(row.getLong("agent_id"), id -> new ArrayList<>())
                        .add(new AgentFigures.ReasonCount(row.getString("reason"), row.getLong("n"))))
                .list();
        List<AgentFigures> agents = jdbc.sql(COUNTS)
                .param("from", start)
                .param("to", end)
                .query((row, n) -> new AgentFigures(
                        row.getLong("id"),
                        row.getString("name"),
                        row.getString("status"),
                        row.getLong("registrations"),
                        row.getLong("rejections"),
                        List.copyOf(reasons.getOrDefault(row.getLong("id"), List.of())),
                        row.getLong("orders"),
                        row.getLong("cards_bound"),
                        row.getLong("risk_alerts"),
                        row.getLong("reverifications_failed")))
                .list();
        List<AgentFigures> sorted = agents.stream()
                .sorted(Comparator.comparingLong(order::of)
                        .reversed()
                        .thenComparing(AgentFigures::name)
                        .thenComparingLong(AgentFigures::agentId))
                .toList();
        return new FiguresReport(first, last, order, sorted);
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(ChinaTime.ZONE).toInstant().atOffset(ZoneOffset.UTC);
    }
}
