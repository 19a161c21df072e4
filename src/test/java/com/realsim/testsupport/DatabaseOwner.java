package com.realsim.testsupport;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The test database as its owner sees it, the server's superuser that runs the migrations ({@code spring.flyway.user}):
 * for what the application's own role may not do, such as tampering with the audit trail or reading a table's files.
 */
public final class DatabaseOwner {

    private DatabaseOwner() {}

    public static JdbcClient sql(Environment environment) {
        return JdbcClient.create(dataSource(environment));
    }

    public static JdbcTemplate template(Environment environment) {
        return new JdbcTemplate(dataSource(environment));
    }

    private static DriverManagerDataSource dataSource(Environment environment) {
        return new DriverManagerDataSource(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getProperty("spring.flyway.password", ""));
    }
}
