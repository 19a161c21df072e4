package com.realsim.order.web;

import com.realsim.platform.Role;
import com.realsim.platform.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrderNavigation {

    @Bean
    NavigationItem ordersNavigation() {
        return new NavigationItem("nav.orders", "/orders", Set.of(Role.AGENT, Role.OPS, Role.ENTERPRISE_ADMIN), 150);
    }
}
