package com.realsim.card.web;

import com.realsim.platform.Role;
import com.realsim.platform.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CardNavigation {

    @Bean
    NavigationItem cardsNavigation() {
        return new NavigationItem("nav.cards", "/cards", Set.of(Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN), 200);
    }

    @Bean
    NavigationItem cardImportsNavigation() {
        return new NavigationItem("nav.cardImports", "/inventory/imports", Set.of(Role.OPS), 210);
    }

    @Bean
    NavigationItem usageUploadsNavigation() {
        return new NavigationItem("nav.usageUploads", "/usage-uploads", Set.of(Role.OPS), 215);
    }

    @Bean
    NavigationItem overLimitNavigation() {
        return new NavigationItem("nav.overLimit", "/over-limit-identities", Set.of(Role.OPS), 220);
    }
}
