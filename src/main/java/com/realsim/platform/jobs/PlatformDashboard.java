package com.realsim.platform.jobs;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.web.Dashboard;
import com.realsim.platform.web.Dashboard.Chart;
import com.realsim.platform.web.Dashboard.Figure;
import com.realsim.platform.web.Dashboard.Panel;
import com.realsim.platform.web.Dashboard.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * ADMIN's dashboard: the event publications not yet completed (Spring Modulith's {@code event_publication}: by
 * status, with the oldest's age — OutstandingEvents hands interrupted ones to their listeners again) and the
 * background jobs of the last 24 hours by status; one statement each. No page lists these records: the numbers
 * link nowhere.
 */
@Component
@RequiredArgsConstructor
class PlatformDashboard implements Dashboard.Contribution {

    /** Modulith's statuses of a publication not yet completed, in the order shown. */
    static final List<String> INCOMPLETE = List.of("PUBLISHED", "PROCESSING", "RESUBMITTED", "FAILED");

    static final List<String> JOB_STATUSES = List.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED");

    private final JdbcClient jdbc;
    private final Clock clock;

    @Override
    public List<Panel> panelsFor(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            return List.of();
        }
        return List.of(events(), jobs());
    }

    private Panel events() {
        Instant now = clock.instant();
        List<Figure> figures = new ArrayList<>();
        long[] total = {0};
        Instant[] oldest = {null};
        jdbc.sql("""
                        SELECT coalesce(status, 'PUBLISHED') AS status, count(*) AS n, min(publication_date) AS oldest
                        FROM event_publication WHERE completion_date IS NULL
                        GROUP BY coalesce(status, 'PUBLISHED')""")
                .query((rs, n) -> {
                    String status = INCOMPLETE.contains(rs.getString("status")) ? rs.getString("status") : "PUBLISHED";
                    Instant first = rs.getTimestamp("oldest").toInstant();
                    total[0] += rs.getLong("n");
                    oldest[0] = oldest[0] == null || first.isBefore(oldest[0]) ? first : oldest[0];
                    return figures.add(Dashboard.queue(
                                    Text.of("platform.dashboard.events." + status), rs.getLong("n"), first, now, null)
                            .withTone("FAILED".equals(status) ? "danger" : "warning"));
                })
                .list();
        figures.add(0, Dashboard.queue(Text.of("platform.dashboard.events.total"), total[0], oldest[0], now, null));
        return Panel.of("event-publications", Text.of("platform.dashboard.events"), 20, Chart.NONE, figures)
                .withNote(Text.of("platform.dashboard.events.note"));
    }

    private Panel jobs() {
        long[] counts = new long[JOB_STATUSES.size()];
        jdbc.sql("""
                        SELECT status, count(*) AS n FROM platform_job
                        WHERE finished_at IS NULL OR finished_at >= :since GROUP BY status""")
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofHours(24))))
                .query((rs, n) -> counts[JOB_STATUSES.indexOf(rs.getString("status"))] += rs.getLong("n"))
                .list();
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            String status = JOB_STATUSES.get(i);
            figures.add(Figure.of(
                    Text.of("platform.dashboard.jobs." + status),
                    counts[i],
                    null,
                    switch (status) {
                        case "FAILED" -> "danger";
                        case "SUCCEEDED" -> "success";
                        default -> "secondary";
                    }));
        }
        return Panel.of("background-jobs", Text.of("platform.dashboard.jobs"), 50, Chart.BAR, figures);
    }
}
