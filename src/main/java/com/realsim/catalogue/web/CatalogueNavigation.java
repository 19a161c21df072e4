package com.realsim.catalogue.web;

import com.realsim.platform.Role;
import com.realsim.platform.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ADMIN's pages of the catalogue: service plans, operators' limits, the real-name policy. */
@Configuration(proxyBeanMethods = false)
class CatalogueNavigation {

    @Bean
    NavigationItem servicePlansNavigation() {
        return new NavigationItem("nav.servicePlans", "/admin/service-plans", Set.of(Role.ADMIN), 800);
    }

    @Bean
    NavigationItem operatorsNavigation() {
        return new NavigationItem("nav.operators", "/admin/operators", Set.of(Role.ADMIN), 810);
    }

    @Bean
    NavigationItem realNameRulesNavigation() {
        return new NavigationItem("nav.realNameRules", "/admin/real-name-rules", Set.of(Role.ADMIN), 820);
    }
}
