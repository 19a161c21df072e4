package com.realsim.card;

import com.realsim.identity.BlindIndexMigration;
import com.realsim.identity.PersonalData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V106: end users' blind indexes keyed on the person (a travel permit's renewal count or issue
 * letter no longer part of them; docs/identity.md, "One person, one identity key"), and the one-ID-N-cards counters
 * with them: the counters of the documents that turn out to be one person's are added up into that person's counter,
 * exactly as counted (drift included, which the quota drift check still reports). An identity may then hold more
 * cards than its operator allows: it keeps them, takes no more, and is listed for OPS ({@link OverLimitIdentities});
 * nothing is unbound.
 */
@Component
class EndUserIdentityKeys extends BlindIndexMigration {

    private static final Logger log = LoggerFactory.getLogger(EndUserIdentityKeys.class);

    EndUserIdentityKeys(PersonalData personalData) {
        super(personalData, "106", "card end user identity keys and quota counters", "card_end_user", "");
    }

    @Override
    protected void rekeyed(Connection connection, Map<String, String> oldToNew) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement("""
                        INSERT INTO identity_quota (operator, id_bidx, cards_held)
                        SELECT operator, ?, cards_held FROM identity_quota WHERE id_bidx = ?
                        ON CONFLICT (operator, id_bidx)
                        DO UPDATE SET cards_held = identity_quota.cards_held + EXCLUDED.cards_held""");
                PreparedStatement drop = connection.prepareStatement("DELETE FROM identity_quota WHERE id_bidx = ?")) {
            for (Map.Entry<String, String> change : oldToNew.entrySet()) {
                merge.setString(1, change.getValue());
                merge.setString(2, change.getKey());
                merge.executeUpdate();
                drop.setString(1, change.getKey());
                drop.executeUpdate();
            }
        }
        try (PreparedStatement count = connection.prepareStatement("""
                        SELECT count(*) FROM identity_quota q JOIN operator_setting s ON s.operator = q.operator
                         WHERE q.cards_held > s.max_cards_per_id""");
                ResultSet over = count.executeQuery()) {
            over.next();
            if (over.getLong(1) > 0) {
                log.warn(
                        "{} identities hold more cards than their operator allows; they keep them, take no more, and"
                                + " are listed for OPS under /over-limit-identities",
                        over.getLong(1));
            }
        }
    }
}
