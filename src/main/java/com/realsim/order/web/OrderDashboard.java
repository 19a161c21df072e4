package com.realsim.order.web;

import com.realsim.order.OrderType;
import com.realsim.platform.Actor;
import com.realsim.platform.TenantScope;
import com.realsim.platform.web.Age;
import com.realsim.platform.web.Dashboard;
import com.realsim.platform.web.Dashboard.Chart;
import com.realsim.platform.web.Dashboard.Figure;
import com.realsim.platform.web.Dashboard.Panel;
import com.realsim.platform.web.Dashboard.Text;
import com.realsim.platform.web.DashboardQueries;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order module's dashboard panels, one statement each: an agent's open orders by type and what each waits on,
 * and their orders rejected in the last 30 days (to fix); for OPS the rebind orders waiting for a decision (with
 * the oldest's age) and their decisions per day.
 */
@Component
@RequiredArgsConstructor
class OrderDashboard implements Dashboard.Contribution {

    static final int DAYS = 30;

    /** What an open order waits on, from its type and the state of its handler's identity check. */
    static final String WAITING_ON = """
            CASE WHEN type = 'REBIND_IMEI' THEN 'OPS_DECISION'
                 WHEN verification_status = 'PENDING_REVIEW' THEN 'IDENTITY_REVIEW'
                 WHEN verification_status = 'REJECTED' THEN 'NEW_IDENTITY_CHECK'
                 WHEN verification_case_id IS NULL THEN 'AGENT_DOCUMENTS'
                 ELSE 'COMPLETION' END""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DashboardQueries queries;

    @Override
    @Transactional(readOnly = true)
    public List<Panel> panelsFor(Actor actor) {
        return switch (actor.role()) {
            case AGENT -> List.of(waiting(actor.scope()), rejected(actor.scope()));
            case OPS -> List.of(queue(), decisions());
            case ADMIN, ENTERPRISE_ADMIN -> List.of();
        };
    }

    private Panel waiting(TenantScope scope) {
        Instant now = clock.instant();
        List<Figure> figures = new ArrayList<>();
        jdbc.sql("""
                        SELECT type, %1$s AS waiting_on, count(*) AS n, min(created_at) AS oldest
                        FROM business_order
                        WHERE status = 'AWAITING_VERIFICATION' AND %2$s
                        GROUP BY type, waiting_on ORDER BY n DESC, type""".formatted(WAITING_ON, scope.sqlCondition("agent_id", "enterprise_id")))
                .param("scopeTenant", scope.sqlParameter())
                .query((rs, n) -> {
                    OrderType type = OrderType.valueOf(rs.getString("type"));
                    Age age = Age.of(Duration.between(rs.getTimestamp("oldest").toInstant(), now));
                    return figures.add(new Figure(
                            Text.of(
                                    "order.dashboard.waiting.row",
                                    Text.of(type.messageKey()),
                                    Text.of("order.dashboard.waitingOn." + rs.getString("waiting_on"))),
                            rs.getLong("n"),
                            "/orders?status=AWAITING_VERIFICATION&type=" + type.name(),
                            Text.of("dashboard.queue.oldest", Text.of(age.messageKey(), age.first(), age.second())),
                            "warning"));
                })
                .list();
        return Panel.of("orders-waiting", Text.of("order.dashboard.waiting"), 20, Chart.BAR, figures);
    }

    private Panel rejected(TenantScope scope) {
        long rejected = jdbc.sql("""
                        SELECT count(*) FROM business_order
                        WHERE status = 'REJECTED' AND closed_at >= :since AND %s""".formatted(scope.sqlCondition("agent_id", "enterprise_id")))
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
                                Text.of("order.dashboard.rejected", DAYS),
                                rejected,
                                "/orders?status=REJECTED",
                                "danger")
                        .withDetail(Text.of("order.dashboard.rejected.fix"))));
    }

    private Panel queue() {
        return queries.queue(
                """
                SELECT count(*) AS n, min(created_at) AS oldest FROM business_order
                WHERE status = 'AWAITING_VERIFICATION' AND type = 'REBIND_IMEI'""",
                Text.of("dashboard.rebindOrdersToDecide"),
                "/orders?status=AWAITING_VERIFICATION&type=REBIND_IMEI");
    }

    private Panel decisions() {
        return queries.decisionsPerDay(
                """
                SELECT %s AS day, count(*) AS n FROM business_order
                WHERE type = 'REBIND_IMEI' AND decided_at >= :since GROUP BY day""".formatted(Dashboard.beijingDate("decided_at")),
                Text.of("order.dashboard.decisions"),
                "/orders?type=REBIND_IMEI",
                "warning");
    }
}
