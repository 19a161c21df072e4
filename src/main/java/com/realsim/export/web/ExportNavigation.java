package com.realsim.export.web;

import com.realsim.platform.Role;
import com.realsim.platform.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The exports page, for every role that reads a list it can export. */
@Configuration(proxyBeanMethods = false)
class ExportNavigation {

    @Bean
    NavigationItem exportsNavigation() {
        return new NavigationItem(
                "nav.exports", "/exports", Set.of(Role.ADMIN, Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN), 740);
    }
}
