package com.realsim.export;

import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.TenantScope;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.jobs.Jobs;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports: made by whoever reads the list they copy ({@link ExportKind}), written in the background by a platform job
 * ({@link ExportJob}) that any instance runs, followed and downloaded by the creator's tenant; another tenant's export
 * is not found (404), exactly like one that does not exist. Files are masked as the screens are; only OPS may ask for
 * the operator report's full version, with a reason. Every creation and every download is audited.
 */
@Service
@RequiredArgsConstructor
@EnableConfigurationProperties(ExportProperties.class)
public class Exports {

    static final String JOB_KIND = "export-file";
    static final int REASON_MIN = 5;
    static final int REASON_MAX = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final Clock clock;
    private final ExportProperties properties;
    private final ApplicationEventPublisher events;
    private final ExportFiles files;

    /** A file ready to be sent: the export and its content, read part by part. */
    public record Download(ExportView export, InputStream content) {}

    /**
     * Makes an export in the background and answers it QUEUED.
     *
     * @param filter the list's filter ({@link ExportFilter}: what the kind takes)
     * @param unmasked the operator report's full version: OPS only, with a {@code reason}
     */
    @Transactional
    public ExportView create(
            ExportKind kind, ExportFormat format, Map<String, ?> filter, boolean unmasked, String reason) {
        Actor actor = CurrentActor.get();
        if (kind == null || format == null) {
            throw new ValidationException(new FieldProblem(
                    kind == null ? "kind" : "format", ErrorCode.VALIDATION_FAILED, "validation.required"));
        }
        if (!kind.allows(actor.role())) {
            throw new DomainException(ErrorCode.FORBIDDEN, "export.kind.forbidden", kind);
        }
        ExportFilter checked = ExportFilter.check(kind, filter);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (unmasked) {
            if (kind != ExportKind.OPERATOR_REPORT || !actor.is(Role.OPS)) {
                throw new DomainException(ErrorCode.FORBIDDEN, "export.unmasked.forbidden");
            }
            if (why == null || why.length() < REASON_MIN || why.length() > REASON_MAX) {
                throw new ValidationException(new FieldProblem(
                        "reason", ErrorCode.VALIDATION_FAILED, "export.reason.invalid", REASON_MIN, REASON_MAX));
            }
        } else {
            why = null;
        }
        Instant now = clock.instant();
        Long agentId = actor.is(Role.ENTERPRISE_ADMIN) ? agentOf(actor.enterpriseId()) : actor.agentId();
        long id = jdbc.sql("INSERT INTO export_file (kind, format, status, filter, unmasked, reason, agent_id,"
                        + " enterprise_id, created_by, created_at, expires_at)"
                        + " VALUES (?, ?, 'QUEUED', ?::jsonb, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(
                        kind.name(),
                        format.name(),
                        JSON.writeValueAsString(checked.values()),
                        unmasked,
                        why,
                        agentId,
                        actor.enterpriseId(),
                        actor.name(),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(properties.keep())))
                .query(Long.class)
                .single();
        jobs.start(JOB_KIND, Long.toString(id), actor, null);
        ExportView export = find(id, actor.scope()).orElseThrow();
        events.publishEvent(event(ExportEvent.CREATED, export, null, actor));
        if (unmasked) {
            events.publishEvent(event(ExportEvent.UNMASKED, export, why, actor));
        }
        return export;
    }

    /** An export of the current actor's tenant; another tenant's is not found. */
    @Transactional(readOnly = true)
    public ExportView export(long id) {
        return find(id, CurrentActor.scope()).orElseThrow(NotFoundException::new);
    }

    /** The newest exports of the current actor's tenant. */
    @Transactional(readOnly = true)
    public List<ExportView> recent(int limit) {
        TenantScope scope = CurrentActor.scope();
        return jdbc.sql("SELECT * FROM export_file WHERE " + scope.sqlCondition("agent_id", "enterprise_id")
                        + " ORDER BY id DESC LIMIT :limit")
                .param("scopeTenant", scope.sqlParameter())
                .param("limit", limit)
                .query(Exports::view)
                .list();
    }

    /** The file of a DONE export (audited as downloaded); before it is DONE, a conflict. */
    @Transactional
    public Download download(long id) {
        Actor actor = CurrentActor.get();
        ExportView export = export(id);
        if (export.status() != ExportStatus.DONE) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "export.notReady");
        }
        events.publishEvent(event(ExportEvent.DOWNLOADED, export, null, actor));
        return new Download(export, files.reader(id));
    }

    /**
     * The agent holding an enterprise admin's enterprise: an enterprise's export is its agent's to read too, as its
     * other records are.
     */
    private Long agentOf(long enterpriseId) {
        return jdbc.sql("SELECT agent_id FROM enterprise WHERE id = ?")
                .param(enterpriseId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private ExportEvent event(String action, ExportView export, String reason, Actor actor) {
        return new ExportEvent(
                action,
                export.id(),
                export.kind(),
                export.format(),
                export.filter(),
                reason,
                actor,
                actor.is(Role.ENTERPRISE_ADMIN) ? agentOf(actor.enterpriseId()) : actor.agentId(),
                actor.enterpriseId());
    }

    private Optional<ExportView> find(long id, TenantScope scope) {
        return jdbc.sql("SELECT * FROM export_file WHERE id = :id AND "
                        + scope.sqlCondition("agent_id", "enterprise_id"))
                .param("id", id)
                .param("scopeTenant", scope.sqlParameter())
                .query(Exports::view)
                .optional();
    }

    static ExportView view(ResultSet rs, int row) throws SQLException {
        long total = rs.getLong("rows_total");
        Long rowsTotal = rs.wasNull() ? null : total;
        long bytes = rs.getLong("bytes");
        Long size = rs.wasNull() ? null : bytes;
        return new ExportView(
                rs.getLong("id"),
                ExportKind.valueOf(rs.getString("kind")),
                ExportFormat.valueOf(rs.getString("format")),
                ExportStatus.valueOf(rs.getString("status")),
                JSON.readValue(rs.getString("filter"), new TypeReference<Map<String, String>>() {}),
                rs.getBoolean("unmasked"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "finished_at"),
                instant(rs, "expires_at"),
                rowsTotal,
                rs.getLong("rows_done"),
                size,
                rs.getString("error_key"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
