package com.realsim.approval.web;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.TenantScope;
import com.realsim.platform.web.Dashboard;
import com.realsim.platform.web.Dashboard.Chart;
import com.realsim.platform.web.Dashboard.Panel;
import com.realsim.platform.web.Dashboard.Text;
import com.realsim.platform.web.DashboardQueries;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * OPS' dashboard: the exception requests to decide (with the oldest's age) and the decisions per day; the agent's: its
 * own requests still waiting for a decision. One statement each.
 */
@Component
@RequiredArgsConstructor
class ExceptionDashboard implements Dashboard.Contribution {

    private final DashboardQueries queries;
    private final JdbcClient jdbc;
    private final Clock clock;

    @Override
    @Transactional(readOnly = true)
    public List<Panel> panelsFor(Actor actor) {
        if (actor.is(Role.AGENT)) {
            return List.of(waiting(actor.scope()));
        }
        if (!actor.is(Role.OPS)) {
            return List.of();
        }
        return List.of(
                queries.queue(
                        "SELECT count(*) AS n, min(requested_at) AS oldest FROM exception_request WHERE status = 'PENDING'",
                        Text.of("dashboard.exceptionsToDecide"),
                        "/exceptions?status=PENDING"),
                queries.decisionsPerDay(
                        """
                        SELECT %s AS day, count(*) AS n FROM exception_request
                        WHERE decided_at >= :since GROUP BY day""".formatted(Dashboard.beijingDate("decided_at")),
                        Text.of("approval.dashboard.decisions"),
                        "/exceptions?status=ANY",
                        "info"));
    }

    /** The agent's own requests still waiting for OPS, with the oldest's age. */
    private Panel waiting(TenantScope scope) {
        return jdbc.sql("""
                        SELECT count(*) AS n, min(requested_at) AS oldest FROM exception_request
                        WHERE status = 'PENDING' AND %s""".formatted(scope.sqlCondition("agent_id", "enterprise_id")))
                .param("scopeTenant", scope.sqlParameter())
                .query((rs, row) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return Panel.of(
                            "exceptions-waiting",
                            Text.of("approval.dashboard.waiting"),
                            25,
                            Chart.BAR,
                            List.of(Dashboard.queue(
                                    Text.of("approval.dashboard.waiting.mine"),
                                    rs.getLong("n"),
                                    oldest == null ? null : oldest.toInstant(),
                                    clock.instant(),
                                    "/exceptions?status=PENDING")));
                })
                .single();
    }
}
