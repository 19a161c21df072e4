package com.realsim.risk.channels;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.web.Dashboard;
import com.realsim.platform.web.Dashboard.Chart;
import com.realsim.platform.web.Dashboard.Figure;
import com.realsim.platform.web.Dashboard.Panel;
import com.realsim.platform.web.Dashboard.Text;
import java.util.Comparator;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * OPS' dashboard: the agents with the most problems over the last 30 days — registrations rejected, risk alerts on
 * their cards, re-verifications failed — from the agent figures (their statements), most first.
 */
@Component
@RequiredArgsConstructor
class ChannelsDashboard implements Dashboard.Contribution {

    static final int SHOWN = 8;

    private final ChannelFigures figures;

    /** An agent's problems: what went wrong in its work, in one number. */
    static long problems(AgentFigures agent) {
        return agent.rejections() + agent.riskAlerts() + agent.reverificationsFailed();
    }

    @Override
    public List<Panel> panelsFor(Actor actor) {
        if (!actor.is(Role.OPS)) {
            return List.of();
        }
        FiguresReport report = figures.figures(AgentFigure.RISK_ALERTS, null, null);
        List<Figure> ranked = report.agents().stream()
                .filter(agent -> problems(agent) > 0)
                .sorted(Comparator.comparingLong(ChannelsDashboard::problems)
                        .reversed()
                        .thenComparing(AgentFigures::name))
                .limit(SHOWN)
                .map(agent -> Figure.of(
                                Text.plain(agent.name()),
                                problems(agent),
                                ChannelFiguresController.PATH + "?sort=RISK_ALERTS&from=" + report.from() + "&to="
                                        + report.to(),
                                "danger")
                        .withDetail(Text.of(
                                "channels.dashboard.problems",
                                agent.rejections(),
                                agent.riskAlerts(),
                                agent.reverificationsFailed())))
                .toList();
        return List.of(Panel.of(
                        "agents-by-problems",
                        Text.of("channels.dashboard.title", ChannelFigures.DEFAULT_DAYS),
                        40,
                        Chart.BAR,
                        ranked)
                .withNote(Text.of("channels.dashboard.note")));
    }
}
