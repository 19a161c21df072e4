package com.realsim.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.testsupport.DatabaseOwner;
import com.realsim.testsupport.FreshDatabaseContextCustomizerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The application connects with a role of its own, which owns no table and holds on the restricted tables only what
 * their modules declared; the owner creates and grants it after every migration, takes back what was granted by hand,
 * and the application refuses to start on a connection that could do more.
 */
@SpringBootTest
class ApplicationRoleTest {

    @Autowired
    JdbcClient sql;

    @Autowired
    Environment environment;

    @Autowired
    ApplicationRoleCheck check;

    @Autowired
    List<TablePrivileges> restricted;

    @Test
    void theApplicationConnectsAsItsOwnRoleThatOwnsNothingAndIsNoSuperuser() {
        assertThat(sql.sql("SELECT current_user").query(String.class).single())
                .isEqualTo(FreshDatabaseContextCustomizerFactory.APPLICATION_ROLE);
        assertThat(sql.sql("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user")
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(sql.sql("""
                        SELECT count(*) FROM pg_class c
                         WHERE c.relnamespace = to_regnamespace(current_schema())
                           AND pg_has_role(current_user, c.relowner, 'USAGE')""").query(Long.class).single())
                .as("tables, sequences and indexes the application's role owns")
                .isZero();
        assertThat(restricted).extracting(TablePrivileges::table).contains("audit_entry", "audit_chain_head");
        assertThat(check.problems()).isEmpty();
    }

    @Test
    void aPrivilegeGrantedByHandStopsTheStartUntilTheNextMigrationTakesItBack() throws Exception {
        JdbcClient owner = DatabaseOwner.sql(environment);
        owner.sql("GRANT UPDATE, TRUNCATE ON audit_entry TO " + FreshDatabaseContextCustomizerFactory.APPLICATION_ROLE)
                .update();
        try {
            assertThat(check.problems()).containsExactly("may UPDATE, TRUNCATE audit_entry");
            assertThatThrownBy(check::afterPropertiesSet)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(
                            "connects to the database as realsim_app, which may UPDATE, TRUNCATE" + " audit_entry")
                    .hasMessageContaining("spring.flyway.user");
        } finally {
            try (Connection connection = ownerConnection()) {
                grants(FreshDatabaseContextCustomizerFactory.APPLICATION_ROLE, null)
                        .grant(connection, "flyway_schema_history");
            }
        }
        assertThat(check.problems()).isEmpty();
        assertThat(sql.sql("SELECT has_table_privilege('audit_entry', 'INSERT')")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void theOwnersConnectionIsRefused() {
        ApplicationRoleCheck asOwner = new ApplicationRoleCheck(DatabaseOwner.sql(environment), restricted);

        assertThat(asOwner.problems()).contains("owns audit_entry (or is a superuser)");
        assertThatThrownBy(asOwner::afterPropertiesSet).hasMessageContaining("owns audit_entry");
    }

    @Test
    void aMissingRoleIsCreatedWithItsPasswordAndGrantedNoMoreThanItNeeds() throws Exception {
        String role = "realsim_probe_" + UUID.randomUUID().toString().substring(0, 8);
        String password = "probe-" + UUID.randomUUID();
        try {
            try (Connection connection = ownerConnection()) {
                grants(role, password).grant(connection, "flyway_schema_history");
            }
            try (Connection asRole = DriverManager.getConnection(url(), role, password)) {
                JdbcClient probe = JdbcClient.create(new SingleConnectionDataSource(asRole, true));
                assertThat(probe.sql("SELECT count(*) FROM audit_entry")
                                .query(Long.class)
                                .single())
                        .isNotNegative();
                assertThat(new ApplicationRoleCheck(probe, restricted).problems())
                        .isEmpty();
                assertThatThrownBy(() -> probe.sql("DELETE FROM audit_entry").update())
                        .rootCause()
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() ->
                                probe.sql("DELETE FROM flyway_schema_history").update())
                        .rootCause()
                        .hasMessageContaining("permission denied");
            }
        } finally {
            JdbcClient owner = DatabaseOwner.sql(environment);
            owner.sql("DROP OWNED BY " + role).update();
            owner.sql("DROP ROLE " + role).update();
        }
    }

    @Test
    void aMigrationUserThatMayNotCreateRolesSaysWhatToCreate() throws Exception {
        String migrator = "realsim_migrator_" + UUID.randomUUID().toString().substring(0, 8);
        JdbcClient owner = DatabaseOwner.sql(environment);
        owner.sql("CREATE ROLE " + migrator + " LOGIN PASSWORD 'migrator-password' NOCREATEROLE")
                .update();
        try (Connection connection = DriverManager.getConnection(url(), migrator, "migrator-password")) {
            assertThatThrownBy(() -> grants("realsim_nobody_made_me", "x").grant(connection, "flyway_schema_history"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("realsim_nobody_made_me")
                    .hasMessageContaining("does not exist, and the migration user may not create roles");
        } finally {
            owner.sql("DROP ROLE " + migrator).update();
        }
    }

    ApplicationRoleGrants grants(String role, String password) {
        return new ApplicationRoleGrants(new ApplicationRole(role, password), restricted);
    }

    Connection ownerConnection() throws Exception {
        return DriverManager.getConnection(
                url(),
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getProperty("spring.flyway.password", ""));
    }

    String url() {
        return environment.getRequiredProperty("spring.datasource.url");
    }
}
