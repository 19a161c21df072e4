package com.realsim.enterprise.web;

import com.realsim.enterprise.EnterpriseService;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.web.DashboardTile;
import com.realsim.platform.web.NavigationItem;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EnterpriseNavigation {

    @Bean
    NavigationItem enterprisesNavigation() {
        return new NavigationItem(
                "nav.enterprises", "/enterprises", Set.of(Role.AGENT, Role.OPS, Role.ENTERPRISE_ADMIN), 100);
    }

    @Bean
    NavigationItem reviewNavigation() {
        return new NavigationItem("nav.enterpriseReview", "/enterprises/review", Set.of(Role.OPS), 110);
    }

    /** OPS: how many registrations and changes wait for a decision. */
    @Bean
    DashboardTile enterpriseReviewTile(EnterpriseService enterprises) {
        return new DashboardTile() {
            @Override
            public Optional<Tile> tileFor(Actor actor) {
                if (!actor.is(Role.OPS)) {
                    return Optional.empty();
                }
                int waiting = enterprises.queue().size();
                return Optional.of(new Tile(
                        "dashboard.enterprisesToReview",
                        waiting,
                        "/enterprises/review",
                        waiting > 0 ? "warning" : "success",
                        10));
            }
        };
    }
}
