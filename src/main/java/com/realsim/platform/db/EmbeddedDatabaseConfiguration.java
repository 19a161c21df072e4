package com.realsim.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * The default database: a real PostgreSQL 17 that the application starts itself, with its data directory under
 * {@code ${realsim.data-dir}/pg} so that data survives restarts. It is used only when no
 * {@code spring.datasource.url} is configured; with one (for example {@code SPRING_DATASOURCE_URL}), Spring Boot's
 * own data source takes over and nothing is started here.
 *
 * <p>Migrations run as {@code postgres}, the superuser that owns the tables; the application connects as
 * {@value ApplicationRole#EMBEDDED}, which the migrations' user creates and grants its rights ({@link
 * ApplicationRoleGrants}). The embedded server listens on localhost only and lets local roles in without a password.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /**
     * Stopped by the application context only ({@code close}, a fast shutdown), after every bean that uses the data
     * source has been destroyed: the data source depends on this bean, so it goes first. zonky's own JVM shutdown
     * hook is off: the JVM runs shutdown hooks concurrently, so it stopped PostgreSQL while the context was still
     * closing (connections closed under running work, the event publication registry unable to record what it
     * finished, a pool waiting 30 s for a connection).
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${realsim.data-dir}") Path dataDir,
            @Value("${realsim.embedded-database.port:0}") int port,
            DataDirectoryLock ownDataDirectory)
            throws IOException {
        Path pgData = dataDir.resolve("pg").toAbsolutePath();
        Files.createDirectories(pgData);
        StalePostmaster.stopIfRunning(pgData);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(
                        dataDir.resolve("pg-binaries").toAbsolutePath().toFile())
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC")
                // zonky is made for tests: it starts PostgreSQL with -F (fsync off) and synchronous_commit off, so
                // a commit was acknowledged before it was on disk and a crash lost it. A system of record keeps
                // what it said it kept: these come after -F on the command line and win.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        log.info(
                "Embedded PostgreSQL is running: jdbc:postgresql://localhost:{}/postgres (user postgres), data in {}",
                postgres.getPort(),
                pgData);
        return postgres;
    }

    /**
     * This process's claim on the data directory, taken before PostgreSQL starts and given up after it has stopped
     * (the database bean depends on it, so it is destroyed first).
     */
    @Bean(destroyMethod = "close")
    DataDirectoryLock dataDirectoryLock(@Value("${realsim.data-dir}") Path dataDir) throws IOException {
        return DataDirectoryLock.acquire(dataDir);
    }

    @Bean
    DataSource dataSource(
            EmbeddedPostgres postgres,
            ApplicationRole role,
            @Value("${realsim.embedded-database.pool-size:20}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(role.name(), "postgres"));
        dataSource.setUsername(role.name());
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }

    /** The owner's connection, for Flyway only (not a candidate for anything else that wants a data source). */
    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource migrationDataSource(EmbeddedPostgres postgres) {
        return new SimpleDriverDataSource(new Driver(), postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
