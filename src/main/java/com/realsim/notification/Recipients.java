package com.realsim.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a notice to the users who should read it, in one statement per audience: the enabled AGENT users of an
 * agent organisation, or the enabled ENTERPRISE_ADMIN users of an enterprise (read from {@code user_account}, a
 * reference table), never the user who did the act. A notice already written to a user (the same {@code sourceKey}:
 * a redelivered event) is not written again.
 */
@Component
@RequiredArgsConstructor
class Recipients {

    /** What to tell: the kind, its arguments, the record's page, and what event it comes from. */
    record Notice(NotificationKind kind, List<String> arguments, String link, String sourceKey) {

        Notice {
            arguments = List.copyOf(arguments);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    private static final String AGENT_USERS = "u.role = 'AGENT' AND u.agent_id = :tenant";
    private static final String ENTERPRISE_ADMINS = "u.role = 'ENTERPRISE_ADMIN' AND u.enterprise_id = :tenant";
    private static final String ONCE = "DO NOTHING";
    private static final String AGAIN = "DO UPDATE SET read_at = NULL, created_at = excluded.created_at";
    private static final String GROWN = """
            DO UPDATE SET arguments = excluded.arguments, read_at = NULL, created_at = excluded.created_at
             WHERE CAST(notification.arguments[1] AS bigint) < CAST(excluded.arguments[1] AS bigint)""";

    /** Tells the agent organisation's users, except {@code actorName} (who did it; null when the system did). */
    int agent(Long agentId, Notice notice, String actorName) {
        return agentId == null ? 0 : write(AGENT_USERS, agentId, notice, actorName, ONCE);
    }

    /** Tells the enterprise's admins, except {@code actorName}. */
    int enterprise(Long enterpriseId, Notice notice, String actorName) {
        return enterpriseId == null ? 0 : write(ENTERPRISE_ADMINS, enterpriseId, notice, actorName, ONCE);
    }

    /**
     * Tells the agent organisation's users of something that may happen again under the same key (cards stopped the
     * same day): a user who has the notice already finds it unread again.
     */
    int agentAgain(long agentId, Notice notice) {
        return write(AGENT_USERS, agentId, notice, null, AGAIN);
    }

    /** Tells the enterprise's admins again, as {@link #agentAgain}. */
    int enterpriseAgain(long enterpriseId, Notice notice) {
        return write(ENTERPRISE_ADMINS, enterpriseId, notice, null, AGAIN);
    }

    /**
     * Tells the agent organisation's users of a count under a key that stays the same for a while (cards near their
     * data limit this month): a user who has the notice already finds it updated and unread again only when the
     * count (the first argument) grew.
     */
    int agentWhenGrown(long agentId, Notice notice) {
        return write(AGENT_USERS, agentId, notice, null, GROWN);
    }

    /** Tells the enterprise's admins of a count, as {@link #agentWhenGrown}. */
    int enterpriseWhenGrown(long enterpriseId, Notice notice) {
        return write(ENTERPRISE_ADMINS, enterpriseId, notice, null, GROWN);
    }

    private int write(String audience, long tenant, Notice notice, String actorName, String onConflict) {
        return jdbc.sql("""
                        INSERT INTO notification (user_id, agent_id, enterprise_id, kind, arguments, link, source_key,
                                                  created_at)
                        SELECT u.id, u.agent_id, u.enterprise_id, :kind, :arguments, :link, :source, :now
                          FROM user_account u
                         WHERE u.enabled AND %s AND u.username <> :actor
                        ON CONFLICT ON CONSTRAINT notification_source_uk %s""".formatted(audience, onConflict))
                .param("tenant", tenant)
                .param("kind", notice.kind().name())
                .param("arguments", notice.arguments().toArray(String[]::new))
                .param("link", notice.link())
                .param("source", notice.sourceKey())
                .param("now", Timestamp.from(clock.instant()))
                .param("actor", actorName == null ? "" : actorName)
                .update();
    }
}
