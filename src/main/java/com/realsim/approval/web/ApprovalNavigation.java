package com.realsim.approval.web;

import com.realsim.platform.Role;
import com.realsim.platform.web.NavigationItem;
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
}
