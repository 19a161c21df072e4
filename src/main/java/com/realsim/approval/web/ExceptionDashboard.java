package com.realsim.approval.web;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.web.Dashboard;
import com.realsim.platform.web.Dashboard.Chart;
import com.realsim.platform.web.Dashboard.Panel;
import com.realsim.platform.web.Dashboard.Series;
import com.realsim.platform.web.Dashboard.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** OPS' dashboard: the exception requests to decide (with the oldest's age) and the decisions per day, one statement each. */
@Component
@RequiredArgsConstructor
class ExceptionDashboard implements Dashboard.Contribution {

    static final int DAYS = 30;

    private final JdbcClient jdbc;
    private final Clock clock;

    @Override
    @Transactional(readOnly = true)
    public List<Panel> panelsFor(Actor actor) {
        if (!actor.is(Role.OPS)) {
            return List.of();
        }
        Panel queue = jdbc.sql(
                        "SELECT count(*) AS n, min(requested_at) AS oldest FROM exception_request WHERE status = 'PENDING'")
                .query((rs, n) -> Panel.of(
                        "queues",
                        Text.of("dashboard.queues"),
                        10,
                        Chart.BAR,
                        List.of(Dashboard.queue(
                                Text.of("dashboard.exceptionsToDecide"),
                                rs.getLong("n"),
                                rs.getTimestamp("oldest") == null
                                        ? null
                                        : rs.getTimestamp("oldest").toInstant(),
                                clock.instant(),
                                "/exceptions?status=PENDING"))))
                .single();
        Map<LocalDate, Long> perDay = new HashMap<>();
        jdbc.sql("""
                        SELECT %s AS day, count(*) AS n FROM exception_request
                        WHERE decided_at >= :since GROUP BY day""".formatted(Dashboard.beijingDate("decided_at")))
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(DAYS + 1))))
                .query((rs, n) -> perDay.put(rs.getDate("day").toLocalDate(), rs.getLong("n")))
                .list();
        Panel decisions = Panel.days(
                "decisions-per-day",
                Text.of("dashboard.decisionsPerDay", DAYS),
                30,
                DAYS,
                List.of(new Series(Text.of("approval.dashboard.decisions"), perDay, "/exceptions?status=ANY", "info")));
        return List.of(queue, decisions);
    }
}
