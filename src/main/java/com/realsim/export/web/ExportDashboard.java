package com.realsim.export.web;

import com.realsim.export.ExportStatus;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** ADMIN's dashboard: the exports of the last 30 days by status, one statement, linking to the exports page. */
@Component
@RequiredArgsConstructor
class ExportDashboard implements Dashboard.Contribution {

    static final int DAYS = 30;

    private final JdbcClient jdbc;
    private final Clock clock;

    @Override
    public List<Panel> panelsFor(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            return List.of();
        }
        Map<ExportStatus, Long> counts = new EnumMap<>(ExportStatus.class);
        jdbc.sql("SELECT status, count(*) AS n FROM export_file WHERE created_at >= :since GROUP BY status")
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(DAYS))))
                .query((rs, n) -> counts.put(ExportStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        List<Figure> figures = new ArrayList<>();
        for (ExportStatus status : ExportStatus.values()) {
            figures.add(Figure.of(
                    Text.of("export.dashboard.row", Text.of("export.status." + status.name())),
                    counts.getOrDefault(status, 0L),
                    "/exports",
                    status == ExportStatus.FAILED ? "danger" : "primary"));
        }
        return List.of(Panel.of("imports-exports", Text.of("dashboard.importsExports", DAYS), 30, Chart.BAR, figures));
    }
}
