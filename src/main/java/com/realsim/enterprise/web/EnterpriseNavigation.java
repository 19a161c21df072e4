package com.realsim.enterprise.web;

import com.realsim.platform.Role;
import com.realsim.platform.web.NavigationItem;
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
}
