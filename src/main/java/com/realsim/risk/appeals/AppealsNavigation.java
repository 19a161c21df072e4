package com.realsim.risk.appeals;

import com.realsim.platform.Role;
import com.realsim.platform.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The customer's flagged cards, and the appeals (OPS decide them, customers follow their own). */
@Configuration(proxyBeanMethods = false)
class AppealsNavigation {

    @Bean
    NavigationItem flaggedCardsNavigation() {
        return new NavigationItem("nav.riskFlagged", "/risk/flagged", Set.of(Role.AGENT, Role.ENTERPRISE_ADMIN), 449);
    }

    @Bean
    NavigationItem riskAppealsNavigation() {
        return new NavigationItem(
                "nav.riskAppeals", "/risk/appeals", Set.of(Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN), 452);
    }
}
