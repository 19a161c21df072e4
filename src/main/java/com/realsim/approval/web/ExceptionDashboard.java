package com.realsim.approval.web;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.web.Dashboard;
import com.realsim.platform.web.Dashboard.Panel;
import com.realsim.platform.web.Dashboard.Text;
import com.realsim.platform.web.DashboardQueries;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** OPS' dashboard: the exception requests to decide (with the oldest's age) and the decisions per day, one statement each. */
@Component
@RequiredArgsConstructor
class ExceptionDashboard implements Dashboard.Contribution {

    private final DashboardQueries queries;

    @Override
    @Transactional(readOnly = true)
    public List<Panel> panelsFor(Actor actor) {
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
}
