package com.realsim.identity.web;

import com.realsim.platform.Role;
import com.realsim.platform.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BarNavigation {

    @Bean
    NavigationItem barsNavigation() {
        return new NavigationItem("nav.bars", "/bars", Set.of(Role.OPS), 700);
    }
}
