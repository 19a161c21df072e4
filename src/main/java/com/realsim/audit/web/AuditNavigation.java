package com.realsim.audit.web;

import com.realsim.audit.AuditTrail;
import com.realsim.platform.Role;
import com.realsim.platform.web.DashboardTile;
import com.realsim.platform.web.NavigationItem;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavigationItem auditNavigationItem() {
        return new NavigationItem("nav.audit", "/audit", Set.of(Role.values()), 800);
    }

    /** OPS and ADMIN: how many entries the trail recorded in the last 24 hours. */
    @Bean
    DashboardTile auditTile(AuditTrail trail, Clock clock) {
        return actor -> actor.role().seesAllTenants()
                ? Optional.of(new DashboardTile.Tile(
                        "audit.tile.lastDay",
                        trail.countSince(clock.instant().minus(Duration.ofHours(24)), actor.scope()),
                        "/audit",
                        "secondary",
                        800))
                : Optional.empty();
    }
}
