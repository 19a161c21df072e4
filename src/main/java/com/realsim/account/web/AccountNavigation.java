package com.realsim.account.web;

import com.realsim.platform.Role;
import com.realsim.platform.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountNavigation {

    @Bean
    NavigationItem agentsNavigation() {
        return new NavigationItem("nav.agents", "/admin/agents", Set.of(Role.ADMIN), 900);
    }

    @Bean
    NavigationItem apiClientsNavigation() {
        return new NavigationItem("nav.apiClients", "/admin/api-clients", Set.of(Role.ADMIN), 920);
    }

    @Bean
    NavigationItem usersNavigation() {
        return new NavigationItem("nav.users", "/admin/users", Set.of(Role.ADMIN), 910);
    }
}
