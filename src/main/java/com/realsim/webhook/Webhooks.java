package com.realsim.webhook;

import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhooks of partners' clients: registered by an API client acting for a tenant (AGENT: every enterprise of its agent;
 * ENTERPRISE_ADMIN: its enterprise), listed and deleted by that client only — another client's webhook is not found
 * (404), exactly like one that does not exist. ADMIN and OPS act for no tenant and register none: a platform-wide feed
 * would send every customer's events to one URL.
 */
@Service
@RequiredArgsConstructor
@EnableConfigurationProperties(WebhookProperties.class)
public class Webhooks {

    /** Webhooks one client may keep. */
    static final int MAX_PER_CLIENT = 10;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WebhookAddresses addresses;
    private final WebhookSecrets secrets;
    private final ApplicationEventPublisher auditEvents;

    /** A new webhook and its secret, shown this once. */
    public record Registered(long id, String secret) {}

    @Transactional
    public Registered register(String url, Collection<String> events) {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.AGENT) && !actor.is(Role.ENTERPRISE_ADMIN)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "webhook.role.forbidden");
        }
        URI checked = addresses.check(url);
        Set<WebhookEvent> types = types(events);
        long held = jdbc.sql("SELECT count(*) FROM webhook WHERE owner_kind = ? AND owner_id = ?")
                .params(actor.kind().name(), actor.id())
                .query(Long.class)
                .single();
        if (held >= MAX_PER_CLIENT) {
            throw new ValidationException(
                    new FieldProblem("url", ErrorCode.VALIDATION_FAILED, "webhook.limit", MAX_PER_CLIENT));
        }
        String secret = WebhookSecrets.generate();
        long id = jdbc.sql("""
                        INSERT INTO webhook (owner_kind, owner_id, owner_name, agent_id, enterprise_id, url, events,
                                             secret, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?::varchar[], ''::bytea, ?) RETURNING id""")
                .params(
                        actor.kind().name(),
                        actor.id(),
                        actor.name(),
                        tenantAgent(actor),
                        tenantEnterprise(actor),
                        checked.toString(),
                        types.stream().map(Enum::name).toArray(String[]::new),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE webhook SET secret = ? WHERE id = ?")
                .params(secrets.seal(id, secret), id)
                .update();
        auditEvents.publishEvent(new WebhookChanged(
                WebhookChanged.REGISTERED,
                id,
                checked.getHost(),
                types.stream().map(Enum::name).sorted().toList(),
                actor,
                tenantAgent(actor),
                tenantEnterprise(actor)));
        return new Registered(id, secret);
    }

    /** The current client's webhooks after {@code afterId} (null: from the first), oldest first, at most limit. */
    @Transactional(readOnly = true)
    public List<WebhookView> mine(Long afterId, int limit) {
        Actor actor = CurrentActor.get();
        return jdbc.sql("""
                        SELECT w.id, w.url, w.events, w.created_at,
                               (SELECT count(*) FROM webhook_delivery d
                                 WHERE d.webhook_id = w.id AND d.status = 'PENDING') AS pending,
                               (SELECT count(*) FROM webhook_delivery d
                                 WHERE d.webhook_id = w.id AND d.status = 'FAILED') AS failed,
                               (SELECT max(d.finished_at) FROM webhook_delivery d
                                 WHERE d.webhook_id = w.id AND d.status = 'FAILED') AS last_failed_at
                        FROM webhook w WHERE w.owner_kind = ? AND w.owner_id = ? AND w.id > ?
                        ORDER BY w.id LIMIT ?""")
                .params(actor.kind().name(), actor.id(), afterId == null ? 0L : afterId, limit)
                .query(Webhooks::view)
                .list();
    }

    /** Deletes one of the current client's webhooks with its deliveries; another client's is not found. */
    @Transactional
    public void delete(long id) {
        Actor actor = CurrentActor.get();
        List<WebhookChanged> deleted = jdbc.sql(
                        "DELETE FROM webhook WHERE id = ? AND owner_kind = ? AND owner_id = ? RETURNING url, events")
                .params(id, actor.kind().name(), actor.id())
                .query((rs, row) -> new WebhookChanged(
                        WebhookChanged.DELETED,
                        id,
                        URI.create(rs.getString("url")).getHost(),
                        Arrays.stream((String[]) rs.getArray("events").getArray())
                                .sorted()
                                .toList(),
                        actor,
                        tenantAgent(actor),
                        tenantEnterprise(actor)))
                .list();
        if (deleted.isEmpty()) {
            throw new NotFoundException();
        }
        auditEvents.publishEvent(deleted.get(0));
    }

    private static Long tenantAgent(Actor actor) {
        return actor.is(Role.AGENT) ? actor.agentId() : null;
    }

    private static Long tenantEnterprise(Actor actor) {
        return actor.is(Role.ENTERPRISE_ADMIN) ? actor.enterpriseId() : null;
    }

    private static Set<WebhookEvent> types(Collection<String> events) {
        if (events == null || events.isEmpty()) {
            throw new ValidationException(
                    new FieldProblem("events", ErrorCode.VALIDATION_FAILED, "validation.required"));
        }
        Set<WebhookEvent> types = EnumSet.noneOf(WebhookEvent.class);
        for (String event : events) {
            WebhookEvent type = event == null
                    ? null
                    : Arrays.stream(WebhookEvent.values())
                            .filter(known -> known.name().equals(event.strip().toUpperCase(Locale.ROOT)))
                            .findFirst()
                            .orElse(null);
            if (type == null) {
                throw new ValidationException(new FieldProblem(
                        "events",
                        ErrorCode.VALIDATION_FAILED,
                        "webhook.events.unknown",
                        String.valueOf(event),
                        Arrays.toString(WebhookEvent.values())));
            }
            types.add(type);
        }
        return types;
    }

    private static WebhookView view(ResultSet rs, int row) throws SQLException {
        Array events = rs.getArray("events");
        Timestamp lastFailed = rs.getTimestamp("last_failed_at");
        return new WebhookView(
                rs.getLong("id"),
                rs.getString("url"),
                Arrays.stream((String[]) events.getArray())
                        .map(WebhookEvent::valueOf)
                        .toList(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("pending"),
                rs.getLong("failed"),
                lastFailed == null ? null : lastFailed.toInstant());
    }
}
