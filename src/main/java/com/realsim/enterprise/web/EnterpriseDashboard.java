package com.realsim.enterprise.web;

import com.realsim.enterprise.EnterpriseStatus;
import com.realsim.platform.Actor;
import com.realsim.platform.TenantScope;
import com.realsim.platform.web.Dashboard;
import com.realsim.platform.web.Dashboard.Chart;
import com.realsim.platform.web.Dashboard.Figure;
import com.realsim.platform.web.Dashboard.Panel;
import com.realsim.platform.web.Dashboard.Text;
import com.realsim.platform.web.DashboardQueries;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise module's dashboard panels, one statement each: the enterprise admin's company (name and status);
 * an agent's enterprises by status and the registrations to correct; for OPS the review queue (registrations and
 * changes, with the oldest's age) and their decisions per day.
 */
@Component
@RequiredArgsConstructor
class EnterpriseDashboard implements Dashboard.Contribution {

    static final int DAYS = 30;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DashboardQueries queries;

    @Override
    @Transactional(readOnly = true)
    public List<Panel> panelsFor(Actor actor) {
        return switch (actor.role()) {
            case ENTERPRISE_ADMIN -> company(actor.enterpriseId()).stream().toList();
            case AGENT -> agent(actor.scope());
            case OPS -> List.of(queue(), decisions());
            case ADMIN -> List.of();
        };
    }

    /** The company's name and status; none when the enterprise is not (or no longer) on record. */
    private java.util.Optional<Panel> company(long enterpriseId) {
        return jdbc.sql("SELECT name, status FROM enterprise WHERE id = :id")
                .param("id", enterpriseId)
                .query((rs, n) -> Panel.of(
                        "company",
                        Text.of("enterprise.dashboard.company"),
                        0,
                        Chart.NONE,
                        List.of(new Figure(
                                Text.plain(rs.getString("name")),
                                null,
                                "/enterprises/" + enterpriseId,
                                Text.of(EnterpriseStatus.valueOf(rs.getString("status"))
                                        .messageKey()),
                                "primary"))))
                .optional();
    }

    private List<Panel> agent(TenantScope scope) {
        Map<EnterpriseStatus, Long> counts = new EnumMap<>(EnterpriseStatus.class);
        jdbc.sql("SELECT status, count(*) AS n FROM enterprise WHERE " + scope.sqlCondition("agent_id", "id")
                        + " GROUP BY status")
                .param("scopeTenant", scope.sqlParameter())
                .query((rs, n) -> counts.put(EnterpriseStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        List<Figure> figures = new ArrayList<>();
        for (EnterpriseStatus status : EnterpriseStatus.values()) {
            figures.add(Figure.of(
                    Text.of(status.messageKey()),
                    counts.getOrDefault(status, 0L),
                    "/enterprises?status=" + status.name(),
                    switch (status) {
                        case DRAFT -> "secondary";
                        case SUBMITTED, CHANGE_PENDING -> "warning";
                        case VERIFIED -> "success";
                        case REJECTED -> "danger";
                    }));
        }
        long rejected = counts.getOrDefault(EnterpriseStatus.REJECTED, 0L);
        return List.of(
                Panel.of("enterprises-by-status", Text.of("enterprise.dashboard.byStatus"), 10, Chart.PIE, figures),
                Panel.of(
                        "rejections",
                        Text.of("dashboard.rejections"),
                        30,
                        Chart.BAR,
                        List.of(Figure.of(
                                        Text.of("enterprise.dashboard.rejected"),
                                        rejected,
                                        "/enterprises?status=REJECTED",
                                        "danger")
                                .withDetail(Text.of("enterprise.dashboard.rejected.fix")))));
    }

    private Panel queue() {
        return queries.queue("""
                SELECT (SELECT count(*) FROM enterprise WHERE status = 'SUBMITTED')
                         + (SELECT count(*) FROM enterprise_change_request WHERE status = 'PENDING') AS n,
                       least((SELECT min(submitted_at) FROM enterprise WHERE status = 'SUBMITTED'),
                             (SELECT min(requested_at) FROM enterprise_change_request WHERE status = 'PENDING'))
                         AS oldest""", Text.of("dashboard.enterprisesToReview"), "/enterprises/review");
    }

    private Panel decisions() {
        return queries.decisionsPerDay(
                """
                SELECT day, count(*) AS n FROM (
                    SELECT %1$s AS day FROM enterprise WHERE decided_at >= :since
                    UNION ALL
                    SELECT %1$s FROM enterprise_change_request WHERE decided_at >= :since) d
                GROUP BY day""".formatted(Dashboard.beijingDate("decided_at")),
                Text.of("enterprise.dashboard.decisions"),
                "/enterprises",
                "primary");
    }
}
