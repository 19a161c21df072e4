package com.realsim.notification;

import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.web.Cursor;
import com.realsim.platform.web.CursorPage;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's own notifications: the bell's unread count, the list newest first, and marking them read. A
 * user reads only the notifications written to them while in the tenant they belong to now; any other notification
 * is not found (404), exactly like one that does not exist. API clients have no bell.
 */
@Service
@RequiredArgsConstructor
public class Notifications {

    /** The bell counts up to this many and then shows {@code 99+}. */
    public static final int COUNTED = 100;

    public static final int PAGE_SIZE = 30;

    /** The reader's own rows in their current tenant (the {@code me}, {@code agent}, {@code enterprise} parameters). */
    private static final String MINE = """
            user_id = :me AND agent_id IS NOT DISTINCT FROM CAST(:agent AS bigint)
            AND enterprise_id IS NOT DISTINCT FROM CAST(:enterprise AS bigint)""";

    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * How many unread notifications the signed-in user has, up to {@value #COUNTED}: one count over the unread index,
     * nothing written. Zero when nobody, or an API client, is signed in.
     */
    @Transactional(readOnly = true)
    public int unreadCount() {
        Optional<Actor> actor = CurrentActor.find().filter(a -> a.kind() == Actor.Kind.USER);
        if (actor.isEmpty()) {
            return 0;
        }
        return mine(
                        actor.get(),
                        "SELECT count(*) FROM (SELECT 1 FROM notification WHERE read_at IS NULL AND " + MINE + " LIMIT "
                                + COUNTED + ") unread")
                .query(Integer.class)
                .single();
    }

    /** The signed-in user's notifications, newest first, {@value #PAGE_SIZE} a page after the cursor. */
    @Transactional(readOnly = true)
    public CursorPage<NotificationView> list(String cursor) {
        Actor actor = user();
        Long before = Cursor.decodeId(cursor);
        List<NotificationView> rows = mine(actor, """
                        SELECT id, kind, arguments, link, created_at, read_at FROM notification
                         WHERE %s AND (CAST(:before AS bigint) IS NULL OR id < :before)
                         ORDER BY id DESC LIMIT :limit""".formatted(MINE))
                .param("before", before)
                .param("limit", PAGE_SIZE + 1)
                .query((rs, row) -> view(rs))
                .list();
        return CursorPage.of(rows, PAGE_SIZE, view -> Cursor.ofId(view.id()));
    }

    /** Marks one of the signed-in user's notifications read (again is fine); answers it. */
    @Transactional
    public NotificationView markRead(long id) {
        Actor actor = user();
        return mine(actor, """
                        UPDATE notification SET read_at = coalesce(read_at, :now)
                         WHERE id = :id AND %s
                        RETURNING id, kind, arguments, link, created_at, read_at""".formatted(MINE))
                .param("id", id)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> view(rs))
                .optional()
                .orElseThrow(NotFoundException::new);
    }

    /** Marks all the signed-in user's unread notifications read; answers how many. */
    @Transactional
    public int markAllRead() {
        Actor actor = user();
        return mine(actor, "UPDATE notification SET read_at = :now WHERE read_at IS NULL AND " + MINE)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private JdbcClient.StatementSpec mine(Actor actor, String sql) {
        return jdbc.sql(sql)
                .param("me", actor.id())
                .param("agent", actor.agentId())
                .param("enterprise", actor.enterpriseId());
    }

    private static Actor user() {
        Actor actor = CurrentActor.get();
        if (actor.kind() != Actor.Kind.USER) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        return actor;
    }

    private static NotificationView view(ResultSet rs) throws SQLException {
        Array arguments = rs.getArray("arguments");
        Timestamp read = rs.getTimestamp("read_at");
        return new NotificationView(
                rs.getLong("id"),
                NotificationKind.valueOf(rs.getString("kind")),
                List.of((String[]) arguments.getArray()),
                rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
