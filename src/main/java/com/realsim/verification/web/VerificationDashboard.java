package com.realsim.verification.web;

import com.realsim.platform.Actor;
import com.realsim.platform.TenantScope;
import com.realsim.platform.web.Dashboard;
import com.realsim.platform.web.Dashboard.Chart;
import com.realsim.platform.web.Dashboard.Figure;
import com.realsim.platform.web.Dashboard.Panel;
import com.realsim.platform.web.Dashboard.Text;
import com.realsim.platform.web.DashboardQueries;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verification module's dashboard panels, one statement each: for OPS the identity checks waiting for review
 * (with the oldest's age) and the decisions per day; for an agent their checks rejected in the last 30 days.
 */
@Component
@RequiredArgsConstructor
class VerificationDashboard implements Dashboard.Contribution {

    static final int DAYS = 30;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DashboardQueries queries;

    @Override
    @Transactional(readOnly = true)
    public List<Panel> panelsFor(Actor actor) {
        return switch (actor.role()) {
            case OPS -> List.of(queue(), decisions());
            case AGENT -> List.of(rejected(actor.scope()));
            case ADMIN, ENTERPRISE_ADMIN -> List.of();
        };
    }

    private Panel queue() {
        return queries.queue(
                "SELECT count(*) AS n, min(created_at) AS oldest FROM verification_case WHERE status = 'PENDING_REVIEW'",
                Text.of("dashboard.verificationsToReview"),
                "/verifications?status=PENDING_REVIEW");
    }

    private Panel decisions() {
        return queries.decisionsPerDay(
                """
                SELECT %s AS day, count(*) AS n FROM verification_case
                WHERE decided_at >= :since GROUP BY day""".formatted(Dashboard.beijingDate("decided_at")),
                Text.of("verification.dashboard.decisions"),
                "/verifications?status=ANY",
                "success");
    }

    private Panel rejected(TenantScope scope) {
        long rejected = jdbc.sql("""
                        SELECT count(*) FROM verification_case
                        WHERE status = 'REJECTED' AND decided_at >= :since AND %s""".formatted(scope.sqlCondition("agent_id", "enterprise_id")))
                .param("scopeTenant", scope.sqlParameter())
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(DAYS))))
                .query(Long.class)
                .single();
        return Panel.of(
                "rejections",
                Text.of("dashboard.rejections"),
                30,
                Chart.BAR,
                List.of(Figure.of(
                                Text.of("verification.dashboard.rejected", DAYS),
                                rejected,
                                "/verifications?status=REJECTED",
                                "danger")
                        .withDetail(Text.of("verification.dashboard.rejected.fix"))));
    }
}
