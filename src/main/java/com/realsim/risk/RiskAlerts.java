package com.realsim.risk;

import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.TenantScope;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.review.DecisionReason;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts: OPS work the queue (list and filter, claim and release, dismiss with a reason, alone or in bulk); agents and
 * enterprise admins read the alerts that concern their own cards. Another tenant's alert is not found (404), exactly
 * like one that does not exist. A dismissed alert stays quiet for the cooldown: the scans open no alert for the same
 * rule and subject until {@code dismissed_until}.
 */
@Service
@RequiredArgsConstructor
public class RiskAlerts {

    static final int MAX_BULK = 500;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RiskRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** One page of the alerts the reader may see, newest first, after the given id. */
    @Transactional(readOnly = true)
    public List<AlertView> list(AlertFilter filter, Long afterId, int limit) {
        TenantScope scope = readerScope();
        StringBuilder where = new StringBuilder("a.id < :after AND " + visible(scope));
        if (filter.status() != null) {
            where.append(" AND a.status = :status");
        }
        if (filter.rule() != null) {
            where.append(" AND a.rule_code = :rule");
        }
        if (filter.severity() != null) {
            where.append(" AND a.severity = :severity");
        }
        if (filter.iccid() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM risk_alert_card fc JOIN card fk ON fk.id = fc.card_id"
                    + " WHERE fc.alert_id = a.id AND fk.iccid = :iccid)");
        }
        if (AlertFilter.UNASSIGNED.equals(filter.assignee())) {
            where.append(" AND a.assignee IS NULL");
        } else if (filter.assignee() != null) {
            where.append(" AND a.assignee = :assignee");
        }
        if (filter.olderThan() != null) {
            where.append(" AND a.opened_at <= :openedBefore");
        }
        StatementSpec statement = jdbc.sql(select(scope) + " WHERE " + where + " ORDER BY a.id DESC LIMIT :limit")
                .param("after", afterId == null ? Long.MAX_VALUE : afterId)
                .param("scopeTenant", scope.sqlParameter())
                .param("limit", limit);
        if (filter.status() != null) {
            statement = statement.param("status", filter.status().name());
        }
        if (filter.rule() != null) {
            statement = statement.param("rule", filter.rule().name());
        }
        if (filter.severity() != null) {
            statement = statement.param("severity", filter.severity().name());
        }
        if (filter.iccid() != null) {
            statement = statement.param("iccid", filter.iccid().strip());
        }
        if (filter.assignee() != null && !AlertFilter.UNASSIGNED.equals(filter.assignee())) {
            statement = statement.param("assignee", filter.assignee());
        }
        if (filter.olderThan() != null) {
            statement = statement.param(
                    "openedBefore", Timestamp.from(clock.instant().minus(filter.olderThan())));
        }
        return statement.query(this::view).list();
    }

    /** One alert the reader may see; another tenant's answers 404. */
    @Transactional(readOnly = true)
    public AlertView alert(long id) {
        return find(id).orElseThrow(NotFoundException::new);
    }

    /** The open alerts concerning one card that the reader may see (the card's page). */
    @Transactional(readOnly = true)
    public List<AlertView> openOnCard(String iccid) {
        return list(new AlertFilter(null, null, null, iccid, null, null), null, 50).stream()
                .filter(alert -> alert.status().isOpen())
                .toList();
    }

    /** OPS dismiss an open alert with a reason; it stays quiet for the cooldown. */
    @Transactional
    public AlertView dismiss(long id, String reason) {
        Actor ops = CurrentActor.require(Role.OPS);
        BulkOutcome outcome = dismissAll(List.of(id), reason, ops);
        if (outcome.done().isEmpty()) {
            alert(id);
            throw notOpen();
        }
        return alert(id);
    }

    /** OPS dismiss many open alerts with one reason; those not open (or not found) are left and named. */
    @Transactional
    public BulkOutcome dismiss(List<Long> ids, String reason) {
        Actor ops = CurrentActor.require(Role.OPS);
        if (ids == null || ids.isEmpty() || ids.size() > MAX_BULK) {
            throw new ValidationException(
                    new FieldProblem("ids", ErrorCode.VALIDATION_FAILED, "risk.alert.bulk.size", 1, MAX_BULK));
        }
        return dismissAll(ids, reason, ops);
    }

    private BulkOutcome dismissAll(List<Long> ids, String reason, Actor ops) {
        String text = DecisionReason.required(reason);
        Instant now = clock.instant();
        Instant until = now.plus(rules.settings().dismissalCooldown());
        List<Long> distinct = ids.stream().distinct().toList();
        List<Dismissed> dismissed = jdbc.sql("""
                        UPDATE risk_alert SET status = 'DISMISSED', decided_by = :by, decision_reason = :reason,
                               closed_at = :now, dismissed_until = :until, assignee = NULL, assigned_at = NULL,
                               version = version + 1
                        WHERE id IN (:ids) AND status = 'OPEN'
                        RETURNING id, rule_code, agent_id, enterprise_id""")
                .param("by", ops.name())
                .param("reason", text)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .param("ids", distinct)
                .query((rs, row) -> new Dismissed(
                        rs.getLong(1), RuleCode.valueOf(rs.getString(2)), nullableLong(rs, 3), nullableLong(rs, 4)))
                .list();
        for (Dismissed alert : dismissed) {
            events.publishEvent(new RiskAlertDecided(
                    alert.id(),
                    alert.rule(),
                    "RISK_ALERT_DISMISSED",
                    alert.agentId(),
                    alert.enterpriseId(),
                    Map.of("reason", text, "quietUntil", until.toString()),
                    ops));
        }
        List<Long> done = dismissed.stream().map(Dismissed::id).sorted().toList();
        List<Long> skipped =
                distinct.stream().filter(id -> !done.contains(id)).sorted().toList();
        return new BulkOutcome(done, skipped);
    }

    private record Dismissed(long id, RuleCode rule, Long agentId, Long enterpriseId) {}

    /** OPS take an open alert to work on it; one that another OPS person holds is refused (409). */
    @Transactional
    public AlertView claim(long id) {
        Actor ops = CurrentActor.require(Role.OPS);
        return assign(id, ops, "RISK_ALERT_CLAIMED", """
                UPDATE risk_alert SET assignee = :by, assigned_at = :now, version = version + 1
                WHERE id = :id AND status IN ('OPEN', 'REVERIFICATION_REQUIRED', 'OVERDUE')
                  AND (assignee IS NULL OR assignee = :by)
                RETURNING rule_code, agent_id, enterprise_id""");
    }

    /** The OPS person holding an alert gives it back to the queue. */
    @Transactional
    public AlertView release(long id) {
        Actor ops = CurrentActor.require(Role.OPS);
        return assign(id, ops, "RISK_ALERT_RELEASED", """
                UPDATE risk_alert SET assignee = NULL, assigned_at = NULL, version = version + 1
                WHERE id = :id AND assignee = :by
                RETURNING rule_code, agent_id, enterprise_id""");
    }

    private AlertView assign(long id, Actor ops, String action, String update) {
        alert(id);
        Optional<RiskAlertDecided> changed = jdbc.sql(update)
                .param("id", id)
                .param("by", ops.name())
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> new RiskAlertDecided(
                        id,
                        RuleCode.valueOf(rs.getString(1)),
                        action,
                        nullableLong(rs, 2),
                        nullableLong(rs, 3),
                        Map.of(),
                        ops))
                .optional();
        if (changed.isEmpty()) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "risk.alert.heldByOther");
        }
        events.publishEvent(changed.get());
        return alert(id);
    }

    /** Open alerts by rule and by age (days since opened: under 1, 1–7, over 7), for the dashboard. */
    @Transactional(readOnly = true)
    public Map<RuleCode, long[]> openByRuleAndAge() {
        CurrentActor.require(Role.OPS);
        Map<RuleCode, long[]> counts = new LinkedHashMap<>();
        for (RuleCode code : RuleCode.values()) {
            counts.put(code, new long[3]);
        }
        jdbc.sql("""
                        SELECT rule_code,
                               count(*) FILTER (WHERE opened_at > CAST(:now AS timestamptz) - INTERVAL '1 day'),
                               count(*) FILTER (WHERE opened_at <= CAST(:now AS timestamptz) - INTERVAL '1 day'
                                                  AND opened_at > CAST(:now AS timestamptz) - INTERVAL '7 days'),
                               count(*) FILTER (WHERE opened_at <= CAST(:now AS timestamptz) - INTERVAL '7 days')
                        FROM risk_alert WHERE status IN ('OPEN', 'REVERIFICATION_REQUIRED', 'OVERDUE')
                        GROUP BY rule_code""")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> {
                    counts.put(
                            RuleCode.valueOf(rs.getString(1)),
                            new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                    return null;
                })
                .list();
        return counts;
    }

    /** Alerts opened and closed per day (China time) over the last {@code days} days, oldest first. */
    @Transactional(readOnly = true)
    public List<DayCount> perDay(int days) {
        CurrentActor.require(Role.OPS);
        return jdbc.sql("""
                        WITH day AS (
                            SELECT CAST(d AS date) AS day
                            FROM generate_series(CAST((CAST(:now AS timestamptz) AT TIME ZONE 'Asia/Shanghai') AS date)
                                                     - (:days - 1),
                                                 CAST((CAST(:now AS timestamptz) AT TIME ZONE 'Asia/Shanghai') AS date),
                                                 INTERVAL '1 day') AS d)
                        SELECT day.day,
                               (SELECT count(*) FROM risk_alert
                                WHERE CAST(opened_at AT TIME ZONE 'Asia/Shanghai' AS date) = day.day),
                               (SELECT count(*) FROM risk_alert
                                WHERE CAST(closed_at AT TIME ZONE 'Asia/Shanghai' AS date) = day.day)
                        FROM day ORDER BY day.day""")
                .param("now", Timestamp.from(clock.instant()))
                .param("days", days)
                .query((rs, row) -> new DayCount(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** Alerts opened and closed on one day. */
    public record DayCount(java.time.LocalDate day, long opened, long closed) {}

    private Optional<AlertView> find(long id) {
        TenantScope scope = readerScope();
        return jdbc.sql(select(scope) + " WHERE a.id = :id AND " + visible(scope))
                .param("id", id)
                .param("scopeTenant", scope.sqlParameter())
                .query(this::view)
                .optional();
    }

    private static TenantScope readerScope() {
        Actor reader = CurrentActor.get();
        if (!reader.is(Role.OPS) && !reader.is(Role.AGENT) && !reader.is(Role.ENTERPRISE_ADMIN)) {
            return TenantScope.nothing();
        }
        return reader.scope();
    }

    /** The reader sees an alert that concerns one of its cards (OPS: every alert). */
    private static String visible(TenantScope scope) {
        if (scope.kind() == TenantScope.Kind.EVERYTHING) {
            return "true";
        }
        return "EXISTS (SELECT 1 FROM risk_alert_card v WHERE v.alert_id = a.id AND "
                + scope.sqlCondition("v.agent_id", "v.enterprise_id") + ")";
    }

    /**
     * The alert with what the reader may see: the evidence's list of ICCIDs only when the whole subject lies in the
     * reader's scope, and the ICCIDs of the concerned cards within it.
     */
    private static String select(TenantScope scope) {
        String whole = scope.sqlCondition("a.agent_id", "a.enterprise_id");
        String mine = scope.sqlCondition("ac.agent_id", "ac.enterprise_id");
        return """
                SELECT a.*, k.iccid AS card_iccid,
                       CASE WHEN %s THEN a.evidence ELSE a.evidence - 'iccids' END AS shown_evidence,
                       ARRAY(SELECT ck.iccid FROM risk_alert_card ac JOIN card ck ON ck.id = ac.card_id
                             WHERE ac.alert_id = a.id AND %s ORDER BY ck.iccid LIMIT 100) AS shown_cards
                FROM risk_alert a LEFT JOIN card k ON k.id = a.card_id
                """.formatted(whole, mine);
    }

    private AlertView view(ResultSet rs, int row) throws SQLException {
        Array cards = rs.getArray("shown_cards");
        return new AlertView(
                rs.getLong("id"),
                RuleCode.valueOf(rs.getString("rule_code")),
                Severity.valueOf(rs.getString("severity")),
                AlertStatus.valueOf(rs.getString("status")),
                rs.getString("card_iccid"),
                SubjectKind.valueOf(rs.getString("subject_kind")),
                rs.getString("subject_masked"),
                instant(rs, "opened_at"),
                instant(rs, "last_seen_at"),
                instant(rs, "deadline"),
                rs.getString("assignee"),
                rs.getString("decided_by"),
                rs.getString("decision_reason"),
                instant(rs, "closed_at"),
                instant(rs, "dismissed_until"),
                json.readValue(rs.getString("shown_evidence"), new TypeReference<Map<String, Object>>() {}),
                cards == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) cards.getArray())));
    }

    private static DomainException notOpen() {
        return new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "risk.alert.notOpen");
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
