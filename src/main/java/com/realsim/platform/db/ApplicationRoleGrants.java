package com.realsim.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every migration, as the migration user (the owner of the tables), gives the application's role what it needs
 * and nothing more: it creates the role when it does not exist yet (with its configured password; this needs a
 * migration user that may create roles, otherwise the operator creates it), grants it USAGE on the schema, SELECT,
 * INSERT, UPDATE and DELETE on every table and USAGE and SELECT on every sequence, only SELECT on Flyway's history,
 * and on each table a module declared {@link TablePrivileges} for, exactly those. Never TRUNCATE, TRIGGER or
 * REFERENCES, never ownership: the application cannot alter or drop a table.
 *
 * <p>It runs on every start, so tables of new migrations are granted as they come, and a privilege added by hand to a
 * restricted table is taken back. Instances starting together queue on an advisory lock.
 */
class ApplicationRoleGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRoleGrants.class);
    private static final String LOCK = "realsim/application-role-grants";

    private final ApplicationRole role;
    private final List<TablePrivileges> restricted;

    ApplicationRoleGrants(ApplicationRole role, List<TablePrivileges> restricted) {
        this.role = role;
        this.restricted = List.copyOf(restricted);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return "realsim-application-role-grants";
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            if (event == Event.BEFORE_MIGRATE) {
                prepare(context.getConnection());
            } else {
                grant(context.getConnection(), context.getConfiguration().getTable());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant the application's role " + role.name() + " its rights", e);
        }
    }

    /**
     * Before the migrations: the role exists and gets the ordinary rights on every table and sequence the migrations
     * create, as they create them, because a Java migration may need the application's own connection (the keys in
     * {@code platform_key}, read through the application's data source, seal what a migration writes). The restricted
     * tables get exactly their rights after the migrations.
     */
    void prepare(Connection connection) throws SQLException {
        if (role.name() == null
                || role.name().isBlank()
                || single(connection, "SELECT current_user").equals(role.name())) {
            return;
        }
        asRoleOwner(connection, (pg, schema, grantee) -> {
            execute(
                    connection,
                    "ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema
                            + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + grantee);
            execute(
                    connection,
                    "ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " GRANT USAGE, SELECT ON SEQUENCES TO " + grantee);
        });
    }

    void grant(Connection connection, String historyTable) throws SQLException {
        if (role.name() == null || role.name().isBlank()) {
            log.warn("The application's database connection names no user: nothing granted");
            return;
        }
        String owner = single(connection, "SELECT current_user");
        if (owner.equals(role.name())) {
            // ApplicationRoleCheck then refuses to start, where a module restricts a table.
            log.warn(
                    "The application connects as {}, the user that runs the migrations: nothing granted. Run the"
                            + " migrations as the owner of the tables (spring.flyway.user) and connect the"
                            + " application with a role of its own (spring.datasource.username).",
                    owner);
            return;
        }
        asRoleOwner(connection, (pg, schema, grantee) -> {
            execute(
                    connection,
                    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + grantee);
            execute(connection, "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + grantee);
            if (exists(connection, historyTable)) {
                execute(
                        connection,
                        "REVOKE INSERT, UPDATE, DELETE ON " + schema + "." + pg.escapeIdentifier(historyTable)
                                + " FROM " + grantee);
            }
            for (TablePrivileges table : restricted) {
                String name = schema + "." + pg.escapeIdentifier(table.table());
                execute(connection, "REVOKE ALL ON " + name + " FROM " + grantee);
                if (!table.allowed().isEmpty()) {
                    execute(
                            connection,
                            "GRANT "
                                    + table.allowed().stream()
                                            .map(Enum::name)
                                            .sorted()
                                            .collect(Collectors.joining(", "))
                                    + " ON " + name + " TO " + grantee);
                }
            }
            log.info(
                    "Database role {} granted its rights by {}; restricted: {}",
                    role.name(),
                    owner,
                    restricted.stream().map(TablePrivileges::table).toList());
        });
    }

    /** The grants of one step, given the role's and the schema's quoted names. */
    private interface Grants {
        void apply(PGConnection pg, String schema, String grantee) throws SQLException;
    }

    /**
     * Runs a step's grants under the role lock, with the role created if it is missing and allowed to use the schema.
     */
    private void asRoleOwner(Connection connection, Grants grants) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        lock(connection, autoCommit, true);
        try {
            createIfMissing(connection, autoCommit);
            PGConnection pg = connection.unwrap(PGConnection.class);
            String grantee = pg.escapeIdentifier(role.name());
            String schema = pg.escapeIdentifier(single(connection, "SELECT current_schema()"));
            execute(connection, "GRANT USAGE ON SCHEMA " + schema + " TO " + grantee);
            grants.apply(pg, schema, grantee);
        } finally {
            lock(connection, autoCommit, false);
        }
    }

    private void createIfMissing(Connection connection, boolean autoCommit) throws SQLException {
        if (roleExists(connection)) {
            return;
        }
        Savepoint savepoint = autoCommit ? null : connection.setSavepoint();
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            execute(connection, "CREATE ROLE " + pg.escapeIdentifier(role.name()) + " LOGIN");
            if (role.password() != null && !role.password().isEmpty()) {
                // Hashed here (SCRAM), so that the password never reaches the server's statement log in clear.
                pg.alterUserPassword(role.name(), role.password().toCharArray(), null);
            }
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            log.info("Created the database role {} that the application connects as", role.name());
        } catch (SQLException e) {
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            if ("42710".equals(e.getSQLState()) || "23505".equals(e.getSQLState())) {
                return; // another instance, or a database on the same server, created it meanwhile
            }
            if ("42501".equals(e.getSQLState())) {
                throw new IllegalStateException(
                        "The database role " + role.name() + " that the application connects as"
                                + " (spring.datasource.username) does not exist, and the migration user may not"
                                + " create roles: create it with LOGIN and its password (README, \"An external PostgreSQL\")",
                        e);
            }
            throw e;
        }
    }

    private boolean roleExists(Connection connection) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            exists.setString(1, role.name());
            try (ResultSet rows = exists.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, table);
            try (ResultSet rows = exists.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static void lock(Connection connection, boolean autoCommit, boolean take) throws SQLException {
        String function = autoCommit
                ? (take ? "pg_advisory_lock" : "pg_advisory_unlock")
                : (take ? "pg_advisory_xact_lock" : null);
        if (function == null) {
            return; // a transaction-level lock ends with the transaction
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT " + function + "(hashtext(?))")) {
            lock.setString(1, LOCK);
            lock.execute();
        }
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
