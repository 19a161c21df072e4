package com.realsim.audit.web;

import com.realsim.audit.AuditTrail;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.web.Dashboard;
import com.realsim.platform.web.Dashboard.Chart;
import com.realsim.platform.web.Dashboard.Figure;
import com.realsim.platform.web.Dashboard.Panel;
import com.realsim.platform.web.Dashboard.Text;
import com.realsim.platform.web.PageTimes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * ADMIN's dashboard: the audit chain's status at a glance (entries linked, the last one's time, whether the seal of
 * the switch to keyed links holds, entries of the last 24 hours), with the page that recomputes the whole chain.
 */
@Component
@RequiredArgsConstructor
class AuditDashboard implements Dashboard.Contribution {

    private final AuditTrail trail;
    private final PageTimes times;
    private final Clock clock;

    @Override
    public List<Panel> panelsFor(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            return List.of();
        }
        AuditTrail.ChainStatus chain = trail.chainStatus(clock.instant().minus(Duration.ofHours(24)));
        return List.of(Panel.of(
                        "audit-chain",
                        Text.of("audit.dashboard.chain"),
                        10,
                        Chart.NONE,
                        List.of(
                                new Figure(
                                        Text.of(
                                                chain.sealHolds()
                                                        ? "audit.dashboard.seal.holds"
                                                        : "audit.dashboard.seal.broken"),
                                        null,
                                        "/audit/verify",
                                        Text.of("audit.dashboard.verify"),
                                        chain.sealHolds() ? "success" : "danger"),
                                new Figure(
                                        Text.of("audit.dashboard.entries"),
                                        chain.entries(),
                                        "/audit",
                                        chain.lastAt() == null
                                                ? null
                                                : Text.of("audit.dashboard.lastAt", times.format(chain.lastAt())),
                                        "secondary"),
                                Figure.of(Text.of("audit.tile.lastDay"), chain.since(), "/audit", "secondary")))
                .withNote(Text.of("audit.dashboard.note")));
    }
}
