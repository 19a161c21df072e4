package com.realsim.platform.db;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;

/**
 * The application's database role: {@value ApplicationRole#EMBEDDED} on the embedded database, otherwise the user of
 * {@code spring.datasource.username}; granted its rights after each migration and checked at start.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationRoleConfiguration {

    @Bean
    ApplicationRole applicationRole(Environment environment) {
        if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return new ApplicationRole(ApplicationRole.EMBEDDED, null);
        }
        return new ApplicationRole(
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
    }

    @Bean
    ApplicationRoleGrants applicationRoleGrants(ApplicationRole role, ObjectProvider<TablePrivileges> restricted) {
        return new ApplicationRoleGrants(role, restricted.orderedStream().toList());
    }

    @Bean
    ApplicationRoleCheck applicationRoleCheck(JdbcClient jdbc, ObjectProvider<TablePrivileges> restricted) {
        return new ApplicationRoleCheck(jdbc, restricted.orderedStream().toList());
    }
}
