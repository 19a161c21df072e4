package com.realsim.risk.web;

import com.realsim.platform.Role;
import com.realsim.platform.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Risk monitoring's pages: the alerts (OPS work them, tenants read theirs), OPS' dashboard, ADMIN's rules. */
@Configuration(proxyBeanMethods = false)
class RiskNavigation {

    @Bean
    NavigationItem riskAlertsNavigation() {
        return new NavigationItem(
                "nav.riskAlerts", "/risk/alerts", Set.of(Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN), 450);
    }

    @Bean
    NavigationItem riskDashboardNavigation() {
        return new NavigationItem("nav.riskDashboard", "/risk/dashboard", Set.of(Role.OPS), 451);
    }

    @Bean
    NavigationItem riskRulesNavigation() {
        return new NavigationItem("nav.riskRules", "/admin/risk/rules", Set.of(Role.ADMIN), 830);
    }
}
