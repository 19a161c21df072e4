package com.realsim.card.bulk;

import com.realsim.platform.crypto.KeyRing;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bulk actions' rows as the system reads them (no tenant scope: the job, and {@link CardBulkActions} after its
 * own scope check), and the sealing of the self-service links they keep until taken: each URL sealed with the
 * documents key, bound to its action and line, so that a sealed link copied elsewhere does not open.
 */
@Component
@RequiredArgsConstructor
class BulkRecords {

    private final JdbcClient jdbc;
    private final KeyRing keys;

    // --- sealing the links (the job seals, takeLinks opens) --------------------------------------------------------

    byte[] seal(long bulkId, int line, String url) {
        try {
            return keys.documents().encrypt(url.getBytes(StandardCharsets.UTF_8), place(bulkId, line));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a link of bulk action " + bulkId, e);
        }
    }

    String open(long bulkId, int line, byte[] sealed) {
        try {
            return new String(keys.documents().decrypt(sealed, place(bulkId, line)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A link of bulk action " + bulkId + " does not open");
        }
    }

    private static byte[] place(long bulkId, int line) {
        return ("realsim/card-bulk-link|" + bulkId + "|" + line).getBytes(StandardCharsets.US_ASCII);
    }

    static final String SELECT = """
            SELECT a.*, EXISTS (SELECT 1 FROM card_bulk_item i WHERE i.bulk_id = a.id AND i.link IS NOT NULL) AS with_links
              FROM card_bulk_action a""";

    /** As the system (the job): no tenant scope. */
    Optional<BulkView> bulk(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?")
                .param(id)
                .query(BulkRecords::view)
                .optional();
    }

    static BulkView view(ResultSet rs, int n) throws SQLException {
        return new BulkView(
                rs.getLong("id"),
                BulkAction.valueOf(rs.getString("action")),
                rs.getString("note"),
                BulkStatus.valueOf(rs.getString("status")),
                rs.getInt("total"),
                rs.getInt("done"),
                rs.getInt("refused"),
                rs.getString("started_by"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("finished_at")),
                rs.getBoolean("with_links"),
                instant(rs.getTimestamp("links_taken_at")),
                rs.getString("links_taken_by"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
