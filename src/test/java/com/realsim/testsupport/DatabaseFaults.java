package com.realsim.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Faults of the application's own embedded PostgreSQL (the default way to run: {@code ${realsim.data-dir}/pg}),
 * injected by a test: a pause point inside a use case's transaction, and a crash of the server at that moment.
 *
 * <p>A pause point is a trigger, created as the database owner, that waits for an advisory lock this object holds:
 * the application's transaction has written its rows and stops inside the statement, uncommitted, until the lock is
 * released or the server goes away. {@link #crash} stops the server the way a power cut does ({@code pg_ctl stop -m
 * immediate}: every backend ends at once, nothing is checkpointed, crash recovery runs at the next start); {@link
 * #start} starts it again on the same port, so the application's pool finds it again.
 */
public final class DatabaseFaults implements AutoCloseable {

    private static final long PAUSE_LOCK = 0x4641554C54L; // "FAULT"

    private final Path pgData;
    private final Path pgCtl;
    private final int port;
    private Connection holder;

    public DatabaseFaults(Path dataDir, EmbeddedPostgres postgres) throws IOException {
        this(dataDir, postgres.getPort());
    }

    /** The embedded PostgreSQL of an application (maybe in another process) under this data directory. */
    public DatabaseFaults(Path dataDir, int port) throws IOException {
        this.pgData = dataDir.resolve("pg").toAbsolutePath();
        this.port = port;
        // next to the server binary that runs it (zonky shares one copy of the binaries per JVM)
        String opts = Files.readString(pgData.resolve("postmaster.opts")).trim();
        this.pgCtl = Path.of(opts.substring(0, opts.indexOf(' '))).resolveSibling("pg_ctl");
    }

    /** A connection as the owner ({@code postgres}), who may create triggers. */
    public Connection owner() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    /**
     * Makes the next write that fires {@code AFTER <event> ON <table> FOR EACH ROW WHEN (<condition>)} wait, inside
     * the application's transaction, until {@link #crash} (or {@link #release}).
     */
    public void pauseAfter(String event, String table, String condition) throws SQLException {
        try (Connection connection = owner();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE OR REPLACE FUNCTION fault_pause() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        PERFORM pg_advisory_xact_lock(%d);
                        RETURN NULL;
                    END $$""".formatted(PAUSE_LOCK));
            statement.execute("DROP TRIGGER IF EXISTS fault_pause ON " + table);
            statement.execute("CREATE TRIGGER fault_pause AFTER " + event + " ON " + table + " FOR EACH ROW WHEN ("
                    + condition + ") EXECUTE FUNCTION fault_pause()");
        }
        hold();
    }

    /** Takes the lock the pause point waits for (again, after {@link #release}): the next write there waits. */
    public void hold() throws SQLException {
        holder = owner();
        try (Statement statement = holder.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + PAUSE_LOCK + ")");
        }
    }

    /** Waits until a transaction of the application stands at the pause point. */
    public void awaitPaused(Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Connection connection = owner();
                    Statement statement = connection.createStatement();
                    var rs = statement.executeQuery("""
                            SELECT count(*) FROM pg_locks
                             WHERE locktype = 'advisory' AND NOT granted
                               AND objid = %d""".formatted(PAUSE_LOCK & 0xFFFFFFFFL))) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        });
    }

    /** Lets the paused transaction go on (no crash). */
    public void release() throws SQLException {
        if (holder != null) {
            holder.close();
            holder = null;
        }
    }

    /** Stops the server at once, as a power cut would: uncommitted work is lost, committed work survives. */
    public void crash() throws IOException, InterruptedException {
        holder = null; // its connection dies with the server
        run(List.of(pgCtl.toString(), "stop", "-D", pgData.toString(), "-m", "immediate", "-w"));
    }

    /**
     * Starts the server again with the options it ran with (its {@code postmaster.opts}: port and settings), crash
     * recovery first, and removes the pause point.
     */
    public void start() throws IOException, InterruptedException, SQLException {
        String opts = Files.readString(pgData.resolve("postmaster.opts")).trim();
        // "<binary>" "-D" "<data>" "-p" "<port>" ... : pg_ctl passes -o to the server through the shell
        String options = opts.substring(opts.indexOf("\"-p\""));
        run(List.of(
                pgCtl.toString(),
                "start",
                "-D",
                pgData.toString(),
                "-w",
                "-t",
                "120",
                "-l",
                pgData.resolveSibling("restart.log").toString(),
                "-o",
                options));
        removePause();
    }

    /** Drops the pause point (the paused transaction, if any, goes on once the lock is released). */
    public void removePause() throws SQLException {
        try (Connection connection = owner();
                Statement statement = connection.createStatement()) {
            statement.execute("DO $$ DECLARE t regclass; BEGIN"
                    + " FOR t IN SELECT tgrelid FROM pg_trigger WHERE tgname = 'fault_pause' LOOP"
                    + " EXECUTE 'DROP TRIGGER fault_pause ON ' || t; END LOOP; END $$");
        }
    }

    /** Stops a server a failed test left running under this data directory (nothing when none runs). */
    public static void stopLeftover(Path dataDir) throws IOException, InterruptedException {
        Path pgData = dataDir.resolve("pg").toAbsolutePath();
        if (!Files.exists(pgData.resolve("postmaster.pid")) || !Files.exists(pgData.resolve("postmaster.opts"))) {
            return;
        }
        try {
            new DatabaseFaults(dataDir, 0).crash();
        } catch (AssertionError notRunning) {
            // pg_ctl found no server behind the pid file: nothing to stop
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        List<String> asUser = new java.util.ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // pg_ctl refuses to run as root; zonky runs it in a user namespace of its own, and so do we
            asUser.addAll(List.of("unshare", "-U"));
        }
        asUser.addAll(command);
        Process process = new ProcessBuilder(asUser).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
    }

    @Override
    public void close() throws SQLException {
        release();
    }
}
