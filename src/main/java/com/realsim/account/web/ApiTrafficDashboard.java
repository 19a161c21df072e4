package com.realsim.account.web;

import com.realsim.account.ApiClientService;
import com.realsim.account.ApiClientSummary;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.security.ApiTraffic;
import com.realsim.platform.web.Dashboard;
import com.realsim.platform.web.Dashboard.Chart;
import com.realsim.platform.web.Dashboard.Figure;
import com.realsim.platform.web.Dashboard.Panel;
import com.realsim.platform.web.Dashboard.Text;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * ADMIN's dashboard: each API client's requests over the last 24 hours (the platform's hourly counts) with those
 * refused for the rate limit, rejected (4xx) and failed (5xx), busiest first; two statements.
 */
@Component
@RequiredArgsConstructor
class ApiTrafficDashboard implements Dashboard.Contribution {

    static final int HOURS = 24;
    static final int SHOWN = 10;

    private final ApiTraffic traffic;
    private final ApiClientService clients;
    private final Clock clock;

    @Override
    public List<Panel> panelsFor(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            return List.of();
        }
        Map<Long, ApiTraffic.Counts> counts = traffic.since(clock.instant().minus(Duration.ofHours(HOURS)));
        Map<Long, ApiClientSummary> byId = counts.isEmpty()
                ? Map.of()
                : clients.clients().stream().collect(Collectors.toMap(ApiClientSummary::id, Function.identity()));
        List<Figure> figures = new ArrayList<>();
        counts.entrySet().stream().limit(SHOWN).forEach(entry -> {
            ApiClientSummary client = byId.get(entry.getKey());
            ApiTraffic.Counts c = entry.getValue();
            figures.add(Figure.of(
                            client == null
                                    ? Text.of("account.dashboard.traffic.removed", entry.getKey())
                                    : Text.plain(client.name() + " (" + client.clientId() + ")"),
                            c.requests(),
                            "/admin/api-clients",
                            c.failed() > 0 ? "danger" : c.refused() > 0 ? "warning" : "primary")
                    .withDetail(Text.of("account.dashboard.traffic.detail", c.refused(), c.rejected(), c.failed())));
        });
        return List.of(Panel.of("api-traffic", Text.of("account.dashboard.traffic", HOURS), 40, Chart.BAR, figures)
                .withNote(Text.of("account.dashboard.traffic.note")));
    }
}
