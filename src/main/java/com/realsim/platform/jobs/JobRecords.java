package com.realsim.platform.jobs;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code platform_job}. */
@Component
@RequiredArgsConstructor
class JobRecords {

    enum Mode {
        BACKGROUND,
        INLINE
    }

    /** A job row with what a run needs beyond the view: its owner and checkpoint. */
    record Job(JobView view, Mode mode, Actor owner, String checkpoint) {

        long id() {
            return view.id();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    long insert(String kind, String subject, Mode mode, JobStatus status, Actor owner, Long total) {
        return jdbc.sql("""
                        INSERT INTO platform_job (kind, subject, mode, status, total, owner_kind, owner_id, owner_name,
                                                  owner_role, agent_id, enterprise_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        kind,
                        subject,
                        mode.name(),
                        status.name(),
                        total,
                        owner == null ? null : owner.kind().name(),
                        owner == null ? null : owner.id(),
                        owner == null ? null : owner.name(),
                        owner == null ? null : owner.role().name(),
                        owner == null ? null : owner.agentId(),
                        owner == null ? null : owner.enterpriseId(),
                        now())
                .query(Long.class)
                .single();
    }

    Optional<Job> find(long id) {
        return jdbc.sql("SELECT * FROM platform_job WHERE id = ?")
                .param(id)
                .query(JobRecords::job)
                .optional();
    }

    List<JobView> recent(String kind, int limit) {
        return jdbc.sql("SELECT * FROM platform_job WHERE kind = ? ORDER BY id DESC LIMIT ?")
                .params(kind, limit)
                .query((rs, row) -> job(rs, row).view())
                .list();
    }

    /** Marks a run as started on this instance; false when the job is done already. */
    boolean started(long id, String node) {
        return jdbc.sql("""
                        UPDATE platform_job
                           SET status = 'RUNNING', attempts = attempts + 1, run_by = ?,
                               started_at = COALESCE(started_at, ?), heartbeat_at = ?
                         WHERE id = ? AND status IN ('QUEUED', 'RUNNING')""").params(node, now(), now(), id).update() == 1;
    }

    void progress(long id, long done, Long total) {
        jdbc.sql("UPDATE platform_job SET progress = ?, total = COALESCE(?, total), heartbeat_at = ? WHERE id = ?")
                .params(done, total, now(), id)
                .update();
    }

    void checkpoint(long id, String checkpoint) {
        jdbc.sql("UPDATE platform_job SET checkpoint = ?, heartbeat_at = ? WHERE id = ?")
                .params(checkpoint, now(), id)
                .update();
    }

    void succeeded(long id) {
        jdbc.sql("""
                        UPDATE platform_job SET status = 'SUCCEEDED', finished_at = ?, heartbeat_at = ?
                         WHERE id = ? AND status = 'RUNNING'""").params(now(), now(), id).update();
    }

    /** Marks a job FAILED unless it is done already; true when this call failed it. */
    boolean failed(long id, String errorKey, String detail) {
        return jdbc.sql("""
                        UPDATE platform_job SET status = 'FAILED', error_key = ?, error_detail = ?, finished_at = ?
                         WHERE id = ? AND status IN ('QUEUED', 'RUNNING')""")
                        .params(errorKey, detail == null ? null : abbreviate(detail), now(), id)
                        .update()
                == 1;
    }

    /** Inline jobs still marked as running whose heartbeat is older than the given instant. */
    List<Long> inlineRunningSince(Instant before) {
        return jdbc.sql("""
                        SELECT id FROM platform_job
                         WHERE mode = 'INLINE' AND status IN ('QUEUED', 'RUNNING')
                           AND COALESCE(heartbeat_at, created_at) < ?
                         ORDER BY id""").param(Timestamp.from(before)).query(Long.class).list();
    }

    int deleteFinishedBefore(Instant before) {
        return jdbc.sql("DELETE FROM platform_job WHERE finished_at < ?")
                .param(Timestamp.from(before))
                .update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String abbreviate(String detail) {
        return detail.length() <= 300 ? detail : detail.substring(0, 297) + "...";
    }

    private static Job job(ResultSet rs, int row) throws SQLException {
        String ownerKind = rs.getString("owner_kind");
        Actor owner = ownerKind == null
                ? null
                : new Actor(
                        Actor.Kind.valueOf(ownerKind),
                        rs.getLong("owner_id"),
                        rs.getString("owner_name"),
                        Role.valueOf(rs.getString("owner_role")),
                        rs.getObject("agent_id", Long.class),
                        rs.getObject("enterprise_id", Long.class));
        JobView view = new JobView(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("subject"),
                JobStatus.valueOf(rs.getString("status")),
                rs.getLong("progress"),
                rs.getObject("total", Long.class),
                rs.getInt("attempts"),
                rs.getString("error_key"),
                rs.getString("owner_name"),
                rs.getObject("agent_id", Long.class),
                rs.getObject("enterprise_id", Long.class),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"));
        return new Job(view, Mode.valueOf(rs.getString("mode")), owner, rs.getString("checkpoint"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
