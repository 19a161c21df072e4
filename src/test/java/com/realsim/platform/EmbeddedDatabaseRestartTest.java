package com.realsim.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.RealSimApplication;
import com.realsim.account.AccountService;
import com.realsim.platform.db.ApplicationRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default way to run: no datasource URL, so the application starts its own PostgreSQL under the data directory,
 * connects to it with a role of its own, and a second start finds the first one's data.
 */
class EmbeddedDatabaseRestartTest {

    @Test
    void theEmbeddedDatabaseKeepsItsDataBetweenStarts() throws Exception {
        Path dataDir = Path.of("target/restart-test-" + UUID.randomUUID());
        try (ConfigurableApplicationContext first = start(dataDir)) {
            assertThat(first.getBean(DataSource.class)
                            .getConnection()
                            .getMetaData()
                            .getURL())
                    .startsWith("jdbc:postgresql://localhost:");
            // The application's own role, created by the migrations' user (postgres), may not change the trail.
            JdbcClient sql = first.getBean(JdbcClient.class);
            assertThat(sql.sql("SELECT current_user").query(String.class).single())
                    .isEqualTo(ApplicationRole.EMBEDDED);
            assertThat(sql.sql("SELECT has_table_privilege('audit_entry', 'UPDATE')"
                                    + " OR has_table_privilege('audit_entry', 'DELETE')"
                                    + " OR has_table_privilege('audit_entry', 'TRUNCATE')")
                            .query(Boolean.class)
                            .single())
                    .isFalse();
            first.getBean(AccountService.class).createAgent("Survives Restart Ltd");
        }
        assertThat(dataDir.resolve("pg/PG_VERSION")).exists();
        assertThat(Files.readString(dataDir.resolve("pg/PG_VERSION")).trim()).isEqualTo("17");

        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(second.getBean(AccountService.class).agents())
                    .anyMatch(agent -> agent.name().equals("Survives Restart Ltd"));
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(RealSimApplication.class)
                .run(
                        "--realsim.data-dir=" + dataDir.toAbsolutePath(),
                        "--server.port=0",
                        "--spring.datasource.url=",
                        "--spring.main.banner-mode=off");
    }
}
