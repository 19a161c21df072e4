package com.realsim.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL server of a test run: a Testcontainers {@code postgres:17} where a Docker engine answers,
 * otherwise an embedded PostgreSQL 17 (zonky) under {@code target/}. {@code -Drealsim.test.db=embedded} or
 * {@code =testcontainers} chooses explicitly; asking for Testcontainers without Docker fails the run rather than
 * skipping anything. Every Spring test context gets a database of its own on this server.
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static final AtomicInteger databases = new AtomicInteger();
    private static volatile TestPostgres instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private TestPostgres(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public static TestPostgres server() {
        if (instance == null) {
            synchronized (TestPostgres.class) {
                if (instance == null) {
                    instance = start();
                }
            }
        }
        return instance;
    }

    /** Creates an empty database for one test context and answers its JDBC URL. */
    public String newDatabaseUrl() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private static TestPostgres start() {
        String choice = System.getProperty("realsim.test.db", "auto");
        boolean docker = switch (choice) {
            case "embedded" -> false;
            case "testcontainers" -> {
                if (!dockerAvailable()) {
                    throw new IllegalStateException(
                            "-Drealsim.test.db=testcontainers was asked for, but no Docker engine answers");
                }
                yield true;
            }
            default -> dockerAvailable();
        };
        return docker ? startContainer() : startEmbedded();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM ends
    private static TestPostgres startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
                .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
        container.start();
        log.info("Tests use PostgreSQL in a Testcontainers container on port {}", container.getFirstMappedPort());
        return new TestPostgres(
                container.getHost(), container.getFirstMappedPort(), container.getUsername(), container.getPassword());
    }

    private static TestPostgres startEmbedded() {
        try {
            Path target = Path.of("target").toAbsolutePath();
            Path binaries = Files.createDirectories(target.resolve("embedded-pg"));
            Path data = Files.createTempDirectory(Files.createDirectories(target.resolve("pg-test-data")), "run-");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("timezone", "UTC")
                    .start();
            // Spring runs its shutdown handlers after it has closed every context, which may use the database
            // while closing; a JVM shutdown hook of our own would race with them.
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    log.warn("Embedded test PostgreSQL did not stop cleanly", e);
                }
            });
            log.info("Tests use an embedded PostgreSQL on port {}", postgres.getPort());
            return new TestPostgres("localhost", postgres.getPort(), "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded test PostgreSQL", e);
        }
    }
}
