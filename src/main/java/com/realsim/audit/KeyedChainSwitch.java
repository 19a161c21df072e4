package com.realsim.audit;

import com.realsim.platform.db.KeyedMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V186: records where the audit chain switches from plain SHA-256 links to keyed ones (the chain
 * head's entry at the moment of the upgrade; 0 on a new database), sealed with the chain key, which is why it is a
 * Java migration. Entries already recorded are not rewritten: the trail stays append-only, and the first keyed entry
 * links to the last plain one, so rewriting a plain entry is detected too. Runs once, under Flyway's lock.
 */
@Component
class KeyedChainSwitch extends KeyedMigration {

    private static final Logger log = LoggerFactory.getLogger(KeyedChainSwitch.class);

    private final ChainKey key;

    KeyedChainSwitch(ChainKey key) {
        super("186", "audit keyed chain switch");
        this.key = key;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        migrate(context.getConnection());
    }

    void migrate(Connection connection) throws SQLException {
        long lastId;
        String lastHash;
        try (PreparedStatement head = connection.prepareStatement(
                        "SELECT coalesce(last_id, 0), last_hash FROM audit_chain_head WHERE singleton FOR UPDATE");
                ResultSet row = head.executeQuery()) {
            row.next();
            lastId = row.getLong(1);
            lastHash = row.getString(2);
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audit_chain_key (keyed_after, keyed_after_hash, seal) VALUES (?, ?, ?)
                ON CONFLICT (singleton) DO NOTHING""")) {
            insert.setLong(1, lastId);
            insert.setString(2, lastHash);
            insert.setString(3, key.seal(lastId, lastHash));
            if (insert.executeUpdate() == 1) {
                log.info("The audit chain is keyed after entry {} (entries up to it keep their plain links)", lastId);
            }
        }
    }
}
