package com.realsim.testsupport;

import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at a database of its own on the run's {@link TestPostgres} server, through
 * {@code spring.datasource.url}: the same path an external PostgreSQL takes in production, with its two roles. The
 * migrations run as the server's superuser (the owner of the tables, {@code spring.flyway.user}); the application
 * connects as {@link #APPLICATION_ROLE}, which the application creates and grants its rights itself (so that every
 * test runs with the privileges production has: no changing the audit trail). A test that must act as the owner
 * (tampering, reading files) uses {@link DatabaseOwner}. Registered in {@code META-INF/spring.factories}, so no test
 * can forget it and none runs without a real database.
 */
public class FreshDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    /** The role the application connects as in every test database (roles are the server's, shared by them all). */
    public static final String APPLICATION_ROLE = "realsim_app";

    public static final String APPLICATION_PASSWORD = "realsim-app-test-password";

    /**
     * The properties that connect an application to this database of the run's server as a test context is: the
     * application as {@link #APPLICATION_ROLE}, the migrations as the server's superuser.
     */
    public static List<String> connection(String url) {
        TestPostgres server = TestPostgres.server();
        return List.of(
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + APPLICATION_ROLE,
                "spring.datasource.password=" + APPLICATION_PASSWORD,
                "spring.flyway.user=" + server.user(),
                "spring.flyway.password=" + server.password());
    }

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new FreshDatabase();
    }

    /** All instances are equal, so that Spring's context cache still shares a context between test classes. */
    static final class FreshDatabase implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPostgres server = TestPostgres.server();
            TestPropertyValues.of(connection(server.newDatabaseUrl()))
                    .and(
                            "spring.datasource.hikari.maximum-pool-size=12",
                            "realsim.data-dir=target/test-data/"
                                    + ProcessHandle.current().pid())
                    .applyTo(context);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FreshDatabase;
        }

        @Override
        public int hashCode() {
            return FreshDatabase.class.hashCode();
        }
    }
}
