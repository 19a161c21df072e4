package com.realsim.verification.web;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.web.DashboardTile;
import com.realsim.platform.web.NavigationItem;
import com.realsim.verification.VerificationService;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class VerificationNavigation {

    static final Set<Role> READERS = Set.of(Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN);

    @Bean
    NavigationItem verificationsNavigation() {
        return new NavigationItem("nav.verifications", "/verifications", READERS, 200);
    }

    /** How many cases wait for a person: OPS see all of them, agents and enterprise admins their own. */
    @Bean
    DashboardTile verificationsWaitingTile(VerificationService verifications) {
        return new DashboardTile() {
            @Override
            public Optional<Tile> tileFor(Actor actor) {
                if (!READERS.contains(actor.role())) {
                    return Optional.empty();
                }
                long waiting = verifications.summary().waiting();
                return Optional.of(new Tile(
                        actor.is(Role.OPS) ? "dashboard.verificationsToReview" : "dashboard.verificationsUnderReview",
                        waiting,
                        "/verifications",
                        waiting > 0 ? "warning" : "success",
                        20));
            }
        };
    }
}
