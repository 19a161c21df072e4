package com.realsim.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flyway migration that recomputes the stored blind indexes ({@code <prefix>id_number_bidx}) of one table's sealed
 * ID numbers, for when the way an identity is keyed changes (the blind-index key is not in the database, so SQL alone
 * cannot do it). The owning module declares a subclass as a bean, which Spring Boot hands to Flyway: its version, the
 * table and the column prefix ({@code ""} for {@code id_type}, {@code id_number_enc}, {@code id_number_bidx};
 * {@code "handler_"} for {@code handler_id_type} …). The seal context is the table, {@code <prefix>id_number} and the
 * row's {@code seal_key}, as {@link SealedIdNumber}'s entities use it.
 *
 * <p>Every row is opened and its index recomputed; only rows whose index changes are written, and the changes are
 * handed to {@link #rekeyed} so that the module can move what it keys on the old index (counters). It runs once:
 * Flyway records it and holds its lock while migrating, so a second instance starting at the same time waits and then
 * skips it; the migration also takes a transaction-level advisory lock of its own and, run again on a database where
 * it already ran, finds nothing to change.
 */
public abstract class BlindIndexMigration extends SealedColumnsMigration {

    private static final Logger log = LoggerFactory.getLogger(BlindIndexMigration.class);
    private static final int PAGE = 500;

    protected BlindIndexMigration(
            PersonalData personalData, String version, String description, String table, String columnPrefix) {
        super(personalData, version, description, table, columnPrefix);
    }

    @Override
    public void migrate(Context context) throws SQLException {
        migrate(context.getConnection());
    }

    /**
     * Recomputes every row's index in the connection's transaction (the caller commits) and answers the indexes that
     * changed, old to new.
     */
    public Map<String, String> migrate(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "realsim/blind-index-migration/" + table + "/" + prefix);
            lock.execute();
        }
        Map<String, String> changed = new LinkedHashMap<>();
        long rows = 0;
        long after = 0;
        while (true) {
            List<Row> page = page(connection, after);
            if (page.isEmpty()) {
                break;
            }
            List<Row> rekeyed = new ArrayList<>();
            for (Row row : page) {
                String now = personalData.blindIndexOf(
                        row.type(), row.ciphertext(), SealContext.of(table, prefix + "id_number", row.sealKey()));
                if (!now.equals(row.blindIndex())) {
                    rekeyed.add(new Row(row.id(), row.sealKey(), row.type(), row.ciphertext(), now));
                    changed.put(row.blindIndex(), now);
                }
            }
            write(connection, rekeyed);
            rows += page.size();
            after = page.get(page.size() - 1).id();
        }
        rekeyed(connection, changed);
        log.info(
                "Blind indexes of {}.{}id_number recomputed: {} rows read, {} identities re-keyed",
                table,
                prefix,
                rows,
                changed.size());
        return changed;
    }

    /**
     * Called in the same transaction after the rows were re-keyed, with each index that changed and what it became
     * (several old indexes may become one: the documents of one person). Does nothing unless overridden.
     */
    protected void rekeyed(Connection connection, Map<String, String> oldToNew) throws SQLException {}

    private record Row(long id, UUID sealKey, IdType type, byte[] ciphertext, String blindIndex) {}

    private List<Row> page(Connection connection, long after) throws SQLException {
        String sql = "SELECT id, seal_key, " + prefix + "id_type, " + prefix + "id_number_enc, " + prefix
                + "id_number_bidx FROM " + table + " WHERE id > ? ORDER BY id LIMIT " + PAGE + " FOR UPDATE";
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, after);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getLong(1),
                            rs.getObject(2, UUID.class),
                            IdType.valueOf(rs.getString(3)),
                            rs.getBytes(4),
                            rs.getString(5)));
                }
            }
        }
        return rows;
    }

    private void write(Connection connection, List<Row> rekeyed) throws SQLException {
        if (rekeyed.isEmpty()) {
            return;
        }
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE " + table + " SET " + prefix + "id_number_bidx = ? WHERE id = ?")) {
            for (Row row : rekeyed) {
                update.setString(1, row.blindIndex());
                update.setLong(2, row.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
