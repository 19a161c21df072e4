package com.realsim.verification.web;

import com.realsim.platform.Role;
import com.realsim.platform.web.NavigationItem;
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
}
