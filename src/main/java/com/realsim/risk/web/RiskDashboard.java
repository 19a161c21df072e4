package com.realsim.risk.web;

import com.realsim.platform.Actor;
import com.realsim.platform.TenantScope;
import com.realsim.platform.web.Dashboard;
import com.realsim.platform.web.Dashboard.Chart;
import com.realsim.platform.web.Dashboard.Figure;
import com.realsim.platform.web.Dashboard.Panel;
import com.realsim.platform.web.Dashboard.Series;
import com.realsim.platform.web.Dashboard.Text;
import com.realsim.platform.web.PageTimes;
import com.realsim.risk.AlertStatus;
import com.realsim.risk.RiskAlerts;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk module's dashboard panels: for an enterprise admin the open alerts on their cards by status and the
 * nearest re-verification deadlines (two statements); for OPS the open alerts and appeals waiting (with the oldest's
 * age, one statement) and the alerts opened and closed per day over 30 days.
 */
@Component
@RequiredArgsConstructor
class RiskDashboard implements Dashboard.Contribution {

    static final int DAYS = 30;
    static final int DEADLINES_SHOWN = 5;
    static final List<AlertStatus> OPEN =
            List.of(AlertStatus.OPEN, AlertStatus.REVERIFICATION_REQUIRED, AlertStatus.OVERDUE);

    private final RiskAlerts alerts;
    private final JdbcClient jdbc;
    private final PageTimes times;
    private final Clock clock;

    @Override
    @Transactional(readOnly = true)
    public List<Panel> panelsFor(Actor actor) {
        return switch (actor.role()) {
            case ENTERPRISE_ADMIN -> List.of(openAlerts(actor.scope()));
            case OPS -> List.of(queues(), perDay());
            case AGENT, ADMIN -> List.of();
        };
    }

    private Panel openAlerts(TenantScope scope) {
        String mine = "EXISTS (SELECT 1 FROM risk_alert_card v WHERE v.alert_id = a.id AND "
                + scope.sqlCondition("v.agent_id", "v.enterprise_id") + ")";
        Map<AlertStatus, Long> counts = new EnumMap<>(AlertStatus.class);
        jdbc.sql("SELECT a.status, count(*) AS n FROM risk_alert a WHERE a.status IN (:open) AND " + mine
                        + " GROUP BY a.status")
                .param("open", OPEN.stream().map(Enum::name).toList())
                .param("scopeTenant", scope.sqlParameter())
                .query((rs, n) -> counts.put(AlertStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        List<Figure> figures = new ArrayList<>();
        for (AlertStatus status : OPEN) {
            figures.add(Figure.of(
                    Text.of("risk.status." + status.name()),
                    counts.getOrDefault(status, 0L),
                    "/risk/alerts?status=" + status.name(),
                    status == AlertStatus.OPEN ? "warning" : "danger"));
        }
        jdbc.sql("""
                        SELECT a.id, a.rule_code, a.subject_masked, a.deadline FROM risk_alert a
                        WHERE a.status IN ('REVERIFICATION_REQUIRED', 'OVERDUE') AND %s
                        ORDER BY a.deadline, a.id LIMIT :shown""".formatted(mine))
                .param("scopeTenant", scope.sqlParameter())
                .param("shown", DEADLINES_SHOWN)
                .query((rs, n) -> figures.add(new Figure(
                        Text.of(
                                "risk.dashboard.deadline.row",
                                Text.of("risk.rule." + rs.getString("rule_code")),
                                rs.getString("subject_masked")),
                        null,
                        "/risk/alerts/" + rs.getLong("id"),
                        Text.of(
                                "risk.dashboard.deadline",
                                times.format(rs.getTimestamp("deadline").toInstant())),
                        "danger")))
                .list();
        return Panel.of("open-alerts", Text.of("risk.dashboard.openAlerts"), 25, Chart.BAR, figures)
                .withNote(Text.of("risk.dashboard.openAlerts.note"));
    }

    private Panel queues() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM risk_alert WHERE status = 'OPEN') AS alerts,
                               (SELECT min(opened_at) FROM risk_alert WHERE status = 'OPEN') AS alerts_oldest,
                               (SELECT count(*) FROM risk_appeal WHERE status = 'OPEN') AS appeals,
                               (SELECT min(filed_at) FROM risk_appeal WHERE status = 'OPEN') AS appeals_oldest""")
                .query((rs, n) -> Panel.of(
                        "queues",
                        Text.of("dashboard.queues"),
                        10,
                        Chart.BAR,
                        List.of(
                                Dashboard.queue(
                                        Text.of("risk.dashboard.alertsOpen"),
                                        rs.getLong("alerts"),
                                        instant(rs.getTimestamp("alerts_oldest")),
                                        now,
                                        "/risk/alerts?status=OPEN"),
                                Dashboard.queue(
                                        Text.of("risk.dashboard.appealsOpen"),
                                        rs.getLong("appeals"),
                                        instant(rs.getTimestamp("appeals_oldest")),
                                        now,
                                        "/risk/appeals"))))
                .single();
    }

    private Panel perDay() {
        Map<LocalDate, Long> opened = new HashMap<>();
        Map<LocalDate, Long> closed = new HashMap<>();
        for (RiskAlerts.DayCount day : alerts.perDay(DAYS)) {
            opened.put(day.day(), day.opened());
            closed.put(day.day(), day.closed());
        }
        return Panel.days(
                "alerts-per-day",
                Text.of("risk.dashboard.alertsPerDay", DAYS),
                35,
                DAYS,
                List.of(
                        new Series(Text.of("risk.dashboard.opened"), opened, "/risk/alerts", "danger"),
                        new Series(
                                Text.of("risk.dashboard.closed"), closed, "/risk/alerts?status=CLEARED", "success")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
