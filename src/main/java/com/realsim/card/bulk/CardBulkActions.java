package com.realsim.card.bulk;

import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.jobs.Jobs;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk actions on cards, as people and partners start and follow them: up to {@value #MAX_CARDS} ICCIDs, one
 * action, an outcome per card. Starting one records its lines (bad lines refused at once, each with its rule) and
 * queues a {@link CardBulkJob} in the same transaction; any instance runs it. A bulk action belongs to its starter's
 * tenant: another tenant's id is not found. Self-service links it issued are kept sealed until they are taken, once.
 */
@Service
@RequiredArgsConstructor
public class CardBulkActions {

    public static final int MAX_CARDS = 10_000;

    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final BulkRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Starts a bulk action of the current actor.
     *
     * @throws DomainException {@code FORBIDDEN} when the actor's role may not do this action; {@code VALIDATION_FAILED}
     *     on {@code reason} when suspending or resuming without one (at most 500 characters)
     */
    @Transactional
    public BulkView start(BulkAction action, String reason, BulkLines lines) {
        Actor actor = CurrentActor.get();
        if (action == null) {
            throw new ValidationException(FieldProblem.of("action", ErrorCode.VALIDATION_FAILED));
        }
        if (!action.allowedFor(actor.role())) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        String note = reason == null ? null : reason.strip();
        if (action.needsReason() && (note == null || note.isEmpty())) {
            throw new ValidationException(new FieldProblem("reason", ErrorCode.VALIDATION_FAILED, "card.bulk.reason"));
        }
        if (note != null && note.length() > 500) {
            throw new ValidationException(new FieldProblem("reason", ErrorCode.VALIDATION_FAILED, "card.bulk.reason"));
        }
        if (!action.needsReason()) {
            note = null;
        }
        Long agentId = actor.is(Role.ENTERPRISE_ADMIN) ? agentOf(actor.enterpriseId()) : actor.agentId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long id = jdbc.sql("""
                        INSERT INTO card_bulk_action (action, note, status, total, agent_id, enterprise_id, started_by,
                                                      started_by_id, created_at)
                        VALUES (?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        action.name(),
                        note,
                        lines.size(),
                        agentId,
                        actor.enterpriseId(),
                        actor.name(),
                        actor.id(),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        List<BulkLines.Line> all = lines.lines();
        jdbc.sql("""
                        INSERT INTO card_bulk_item (bulk_id, line, iccid, outcome, code, detail)
                        SELECT ?, l, i, CASE WHEN c IS NULL THEN NULL ELSE 'REFUSED' END, c, d
                          FROM unnest(?::int[], ?::varchar[], ?::varchar[], ?::varchar[]) AS t (l, i, c, d)""")
                .params(
                        id,
                        all.stream().map(BulkLines.Line::line).toArray(Integer[]::new),
                        all.stream().map(BulkLines.Line::iccid).toArray(String[]::new),
                        all.stream().map(BulkLines.Line::code).toArray(String[]::new),
                        all.stream().map(BulkLines.Line::detail).toArray(String[]::new))
                .update();
        int refused = (int) all.stream().filter(BulkLines.Line::refused).count();
        jdbc.sql("UPDATE card_bulk_action SET refused = ? WHERE id = ?")
                .params(refused, id)
                .update();
        jobs.start(CardBulkJob.KIND, Long.toString(id), actor, null);
        events.publishEvent(new CardBulkEvent(
                CardBulkEvent.STARTED, id, action, lines.size(), actor, agentId, actor.enterpriseId()));
        return records.bulk(id).orElseThrow();
    }

    /** A bulk action of the current actor's tenant; another tenant's is not found. */
    @Transactional(readOnly = true)
    public BulkView find(long id) {
        return visible(id);
    }

    /** The newest bulk actions of the current actor's tenant. */
    @Transactional(readOnly = true)
    public List<BulkView> recent(int limit) {
        Actor actor = CurrentActor.get();
        String where = switch (actor.role()) {
            case AGENT -> "agent_id = " + actor.agentId();
            case ENTERPRISE_ADMIN -> "enterprise_id = " + actor.enterpriseId();
            case OPS, ADMIN -> "TRUE";
        };
        return jdbc.sql(BulkRecords.SELECT + " WHERE " + where + " ORDER BY a.id DESC LIMIT ?")
                .param(limit)
                .query(BulkRecords::view)
                .list();
    }

    /** The lines after {@code afterLine}, in line order, with their outcomes (none yet while pending). */
    @Transactional(readOnly = true)
    public List<BulkItem> items(long id, int afterLine, int limit) {
        visible(id);
        return jdbc.sql("""
                        SELECT line, iccid, outcome, code, detail FROM card_bulk_item
                         WHERE bulk_id = ? AND line > ? ORDER BY line LIMIT ?""")
                .params(id, afterLine, limit)
                .query((rs, n) -> new BulkItem(
                        rs.getInt("line"),
                        rs.getString("iccid"),
                        rs.getString("outcome"),
                        rs.getString("code"),
                        rs.getString("detail")))
                .list();
    }

    /**
     * The self-service links the action issued, taken once by a person of its tenant who may issue links (AGENT or
     * ENTERPRISE_ADMIN): they are erased in the same transaction, and the taking is audited. A second taking is
     * refused ({@code card.bulk.links.taken}): the links exist nowhere else, so issue new ones if they are lost.
     */
    @Transactional
    public List<BulkLink> takeLinks(long id) {
        Actor actor = CurrentActor.get();
        BulkView bulk = visible(id);
        if (!BulkAction.SELF_SERVICE_LINK.allowedFor(actor.role()) || actor.role() == Role.OPS) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        if (bulk.action() != BulkAction.SELF_SERVICE_LINK || !bulk.ended()) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "card.bulk.links.notReady");
        }
        int taken = jdbc.sql("""
                        UPDATE card_bulk_action SET links_taken_at = ?, links_taken_by = ?
                         WHERE id = ? AND links_taken_at IS NULL""")
                .params(Timestamp.from(clock.instant()), actor.name(), id)
                .update();
        if (taken == 0) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "card.bulk.links.taken");
        }
        List<BulkLink> links = new ArrayList<>();
        jdbc.sql("""
                        SELECT line, iccid, link, expires_at FROM card_bulk_item
                         WHERE bulk_id = ? AND link IS NOT NULL ORDER BY line""").param(id).query(rs -> {
            links.add(new BulkLink(
                    rs.getInt("line"),
                    rs.getString("iccid"),
                    records.open(id, rs.getInt("line"), rs.getBytes("link")),
                    rs.getTimestamp("expires_at").toInstant()));
        });
        jdbc.sql("UPDATE card_bulk_item SET link = NULL WHERE bulk_id = ? AND link IS NOT NULL")
                .param(id)
                .update();
        events.publishEvent(new CardBulkEvent(
                CardBulkEvent.LINKS_TAKEN,
                id,
                bulk.action(),
                links.size(),
                actor,
                actor.is(Role.ENTERPRISE_ADMIN) ? agentOf(actor.enterpriseId()) : actor.agentId(),
                actor.enterpriseId()));
        return links;
    }

    private BulkView visible(long id) {
        Actor actor = CurrentActor.get();
        return jdbc.sql(BulkRecords.SELECT + " WHERE a.id = ?")
                .param(id)
                .query((rs, n) -> new Scoped(
                        BulkRecords.view(rs, n), (Long) rs.getObject("agent_id"), (Long) rs.getObject("enterprise_id")))
                .optional()
                .filter(scoped -> actor.scope().covers(scoped.agentId(), scoped.enterpriseId()))
                .map(Scoped::view)
                .orElseThrow(NotFoundException::new);
    }

    private record Scoped(BulkView view, Long agentId, Long enterpriseId) {}

    private Long agentOf(long enterpriseId) {
        return jdbc.sql("SELECT agent_id FROM enterprise WHERE id = ?")
                .param(enterpriseId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }
}
