package com.realsim.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flyway migration that gives the ID addresses one table sealed before they had a blind index their index
 * ({@code <prefix>id_address_bidx}, {@link BlindIndex#ofAddress}): the blind-index key is not in the database, so
 * SQL alone cannot compute it. The owning module declares a subclass as a bean with its version, the table and the
 * column prefix ({@code ""} for {@code id_address_enc}; {@code "handler_"} for {@code handler_id_address_enc}). The
 * seal context is the table, {@code <prefix>id_address} and the row's {@code seal_key}, as the entities seal it.
 *
 * <p>The rows without an index are read in pages of {@value #PAGE} (keyset on id, locked), each address opened in
 * memory and its index written in one batch per page; nothing else changes. Flyway runs it once, under its lock; run
 * again it finds no row without an index.
 */
public abstract class AddressIndexMigration extends SealedColumnsMigration {

    private static final Logger log = LoggerFactory.getLogger(AddressIndexMigration.class);
    static final int PAGE = 500;

    protected AddressIndexMigration(
            PersonalData personalData, String version, String description, String table, String columnPrefix) {
        super(personalData, version, description, table, columnPrefix);
    }

    @Override
    public void migrate(Context context) throws SQLException {
        migrate(context.getConnection());
    }

    /** Indexes every row without an index, in the connection's transaction (the caller commits); answers how many. */
    public long migrate(Connection connection) throws SQLException {
        long indexed = 0;
        long after = 0;
        while (true) {
            List<Row> page = page(connection, after);
            if (page.isEmpty()) {
                break;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + table + " SET " + prefix + "id_address_bidx = ? WHERE id = ?")) {
                for (Row row : page) {
                    update.setString(
                            1,
                            personalData.addressIndexOf(
                                    row.ciphertext(), SealContext.of(table, prefix + "id_address", row.sealKey())));
                    update.setLong(2, row.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
            indexed += page.size();
            after = page.get(page.size() - 1).id();
        }
        log.info("ID addresses of {} indexed: {} rows", table, indexed);
        return indexed;
    }

    private record Row(long id, UUID sealKey, byte[] ciphertext) {}

    private List<Row> page(Connection connection, long after) throws SQLException {
        String sql = "SELECT id, seal_key, " + prefix + "id_address_enc FROM " + table + " WHERE id > ? AND " + prefix
                + "id_address_bidx IS NULL ORDER BY id LIMIT " + PAGE + " FOR UPDATE";
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, after);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getBytes(3)));
                }
            }
        }
        return rows;
    }
}
