package com.realsim.audit.web;

import com.realsim.platform.Role;
import com.realsim.platform.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavigationItem auditNavigationItem() {
        return new NavigationItem("nav.audit", "/audit", Set.of(Role.values()), 800);
    }
}
