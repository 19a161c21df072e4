package com.realsim.platform.crypto;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The keys of instances sharing an external PostgreSQL: no instance generates a key of its own. Each key comes from
 * {@code realsim.keys.<name>} (every instance configured alike), or else from the {@code platform_key} table, sealed
 * with the key-encryption key of {@code realsim.keys.kek}; the first instance of an empty database with a KEK creates
 * the keys there, once, whichever instance wins the insert. Either way the table keeps each key's check value, and an
 * instance whose key differs from it refuses to start, saying which setting to fix.
 */
final class DatabaseKeys implements KeyStore {

    private static final Logger log = LoggerFactory.getLogger(DatabaseKeys.class);

    private final Environment environment;
    private final DataSource dataSource;
    private final Clock clock;
    private final Aead kek;

    DatabaseKeys(Environment environment, DataSource dataSource, Clock clock) {
        this.environment = environment;
        this.dataSource = dataSource;
        this.clock = clock;
        String kekMaterial = environment.getProperty("realsim.keys.kek");
        this.kek = kekMaterial == null || kekMaterial.isBlank() ? null : KeyMaterial.keyEncryptionKey(kekMaterial);
    }

    private record Row(String source, byte[] sealed, String checkValue, int version) {}

    @Override
    public Stored load(KeyName name) {
        String configured = environment.getProperty(name.property());
        if (configured != null && !configured.isBlank()) {
            return new Stored(configured, 0, true);
        }
        if (kek == null) {
            throw new IllegalStateException("No key '" + name.id() + "': with an external database every instance"
                    + " needs the same keys. Set " + name.variable() + " on every instance, or REALSIM_KEYS_KEK (a Tink"
                    + " AEAD keyset) to keep the keys in the database (docs/keys.md)");
        }
        Row row = row(name).orElseGet(() -> create(name));
        if (row.source().equals("CONFIGURATION")) {
            throw new IllegalStateException("The key '" + name.id() + "' of this database comes from the other"
                    + " instances' settings, not from the database: set " + name.variable() + " here too");
        }
        return new Stored(open(name, row.sealed()), row.version(), false);
    }

    @Override
    public void verify(KeyName name, KeyMaterial.Keys keys, boolean configured) {
        Optional<Row> row = row(name);
        if (row.isEmpty()) {
            insert(name, "CONFIGURATION", null, KeyMaterial.checkValue(keys));
            row = row(name);
        }
        String check = row.orElseThrow().checkValue();
        if (!KeyMaterial.holds(keys, check)) {
            throw new IllegalStateException("The key '" + name.id() + "' of this instance"
                    + (configured ? " (" + name.variable() + ")" : "") + " is not the key of the other instances on"
                    + " this database: their tokens or sealed data would not open here. Give every instance the"
                    + " same " + name.variable() + " (docs/keys.md)");
        }
        if (configured && row.get().source().equals("CONFIGURATION") && !KeyMaterial.madeWithPrimary(keys, check)) {
            // the configured keys were rotated: a new primary, the old key kept; from now on instances configured
            // with the old keys only are refused
            update(
                    "UPDATE platform_key SET check_value = ?, version = version + 1, updated_at = ? WHERE name = ?"
                            + " AND check_value = ?",
                    KeyMaterial.checkValue(keys),
                    now(),
                    name.id(),
                    check);
            log.info(
                    "The configured key '{}' has a new primary key; instances with the old keys only are refused"
                            + " from now on",
                    name.id());
        }
    }

    @Override
    public void replace(KeyName name, String material, String checkValue, int version) {
        int updated = update(
                "UPDATE platform_key SET sealed = ?, check_value = ?, version = version + 1, updated_at = ?"
                        + " WHERE name = ? AND source = 'DATABASE' AND version = ?",
                seal(name, material),
                checkValue,
                now(),
                name.id(),
                version);
        if (updated != 1) {
            throw new IllegalStateException("The key '" + name.id() + "' was changed meanwhile by another instance");
        }
    }

    @Override
    public Map<KeyName, Integer> versions() {
        Map<KeyName, Integer> versions = new EnumMap<>(KeyName.class);
        for (Object[] row : query("SELECT name, version FROM platform_key WHERE source = 'DATABASE'")) {
            KeyName.of((String) row[0]).ifPresent(name -> versions.put(name, (Integer) row[1]));
        }
        return versions;
    }

    private Optional<Row> row(KeyName name) {
        return query("SELECT source, sealed, check_value, version FROM platform_key WHERE name = ?", name.id()).stream()
                .map(row -> new Row((String) row[0], (byte[]) row[1], (String) row[2], (Integer) row[3]))
                .findFirst();
    }

    /*
     * Every statement on a connection of its own, committed at once: keys are read in the middle of other work (an
     * import's transaction with a COPY running on its connection), which must not be joined or held up.
     */

    private List<Object[]> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rs = statement.executeQuery()) {
            List<Object[]> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The keys of this database cannot be read (platform_key; has the schema been migrated?): "
                            + e.getMessage(),
                    e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            if (!connection.getAutoCommit()) {
                int updated = statement.executeUpdate();
                connection.commit();
                return updated;
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The keys of this database cannot be written: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /** The first instance creates the key; when several start at once, the first insert wins and all use it. */
    private Row create(KeyName name) {
        String material = KeyMaterial.generate(name);
        String check = KeyMaterial.checkValue(KeyMaterial.parse(name, material));
        if (insert(name, "DATABASE", seal(name, material), check)) {
            log.info("Created the key '{}' in the database, sealed with REALSIM_KEYS_KEK", name.id());
        }
        return row(name).orElseThrow();
    }

    private boolean insert(KeyName name, String source, byte[] sealed, String check) {
        return update(
                        "INSERT INTO platform_key (name, source, sealed, check_value, created_at, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING",
                        name.id(),
                        source,
                        sealed,
                        check,
                        now(),
                        now())
                == 1;
    }

    private byte[] seal(KeyName name, String material) {
        try {
            return kek.encrypt(material.getBytes(StandardCharsets.UTF_8), place(name));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal the key " + name.id(), e);
        }
    }

    private String open(KeyName name, byte[] sealed) {
        try {
            return new String(kek.decrypt(sealed, place(name)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("REALSIM_KEYS_KEK does not open the key '" + name.id() + "' stored in"
                    + " this database: every instance needs the key-encryption key the first instance used");
        }
    }

    private static byte[] place(KeyName name) {
        return ("realsim/platform-key/" + name.id()).getBytes(StandardCharsets.US_ASCII);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
