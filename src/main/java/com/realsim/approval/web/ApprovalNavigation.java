package com.realsim.approval.web;

import com.realsim.approval.ExceptionService;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.web.DashboardTile;
import com.realsim.platform.web.NavigationItem;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApprovalNavigation {

    @Bean
    NavigationItem exceptionsNavigation() {
        return new NavigationItem(
                "nav.exceptions", "/exceptions", Set.of(Role.AGENT, Role.OPS, Role.ENTERPRISE_ADMIN), 300);
    }

    /** OPS: pending exception requests to decide; agents: their own requests still waiting. */
    @Bean
    DashboardTile pendingExceptionsTile(ExceptionService exceptions) {
        return new DashboardTile() {
            @Override
            public Optional<Tile> tileFor(Actor actor) {
                if (!actor.is(Role.OPS) && !actor.is(Role.AGENT)) {
                    return Optional.empty();
                }
                long pending = exceptions.pendingCount();
                boolean ops = actor.is(Role.OPS);
                return Optional.of(new Tile(
                        ops ? "dashboard.exceptionsToDecide" : "dashboard.exceptionsWaiting",
                        pending,
                        ops ? "/exceptions" : "/exceptions?status=PENDING",
                        pending > 0 ? (ops ? "warning" : "primary") : "success",
                        30));
            }
        };
    }
}
