package com.realsim.platform.security;

import com.realsim.platform.crypto.KeyRing;
import com.realsim.platform.db.KeyedMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V101 (after V100 made the columns): the idempotency records kept before answers were sealed held
 * their answers in clear (an unmasked ID number, a new API client's secret) and an unkeyed SHA-256 fingerprint of the
 * request. Their answers cannot be told apart by endpoint, so none is kept: each such record answers a repeat with 409
 * {@code IDEMPOTENT_ANSWER_NOT_REPEATED} (the request was done and is not run again), and its fingerprint is keyed
 * ({@link IdempotencyRecords#fingerprint}, which is the keyed hash of exactly that digest), so that a repeat is still
 * recognised. Only rows with {@code answer IS NULL} are touched: a second run changes nothing. V102 then rewrites the
 * table's file, so that the clear answers are not left behind in dead row versions.
 */
@Component
class LegacyIdempotencyAnswers extends KeyedMigration {

    private final KeyRing keys;

    LegacyIdempotencyAnswers(KeyRing keys) {
        super("101", "platform idempotency legacy answers dropped");
        this.keys = keys;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        record Legacy(String owner, String key, String fingerprint) {}
        List<Legacy> legacy = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                        "SELECT owner, idempotency_key, fingerprint FROM idempotency_record WHERE answer IS NULL"
                                + " FOR UPDATE");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                legacy.add(new Legacy(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE idempotency_record
                   SET fingerprint = ?, answer = 'NOT_REPEATED', body_enc = NULL
                 WHERE owner = ? AND idempotency_key = ? AND answer IS NULL""")) {
            for (Legacy row : legacy) {
                update.setString(
                        1,
                        IdempotencyRecords.fingerprint(keys, row.fingerprint().strip()));
                update.setString(2, row.owner());
                update.setString(3, row.key());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
