package com.realsim.risk.appeals;

import com.realsim.card.BlockingReason;
import com.realsim.card.CardControl;
import com.realsim.card.CardState;
import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.TenantScope;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.review.DecisionReason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals (申诉): a customer — the enterprise admin of the card's enterprise, or the agent that holds it — contests a
 * card's suspension for a risk reason with a statement; OPS see the queue, may claim an appeal, and grant it (the
 * contested reason is cleared through the card module; the card works again only when nothing else blocks it) or
 * reject it, each with a reason. One open appeal per card and reason (the database's partial unique index). An
 * appeal belongs to its card: another tenant's appeal or card is not found (404).
 */
@Service
@RequiredArgsConstructor
public class RiskAppeals {

    /** The blocking reasons a risk decision puts on a card, and so the ones a customer may contest. */
    public static final Set<BlockingReason> APPEALABLE =
            Set.of(BlockingReason.RISK_REVERIFICATION_OVERDUE, BlockingReason.MACHINE_CARD_SEPARATION);

    static final int STATEMENT_MIN = 2;
    static final int STATEMENT_MAX = 1000;

    private final JdbcClient jdbc;
    private final CardControl cards;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Which appeals to list: both optional. */
    public record Filter(AppealStatus status, String iccid) {}

    /**
     * The customer contests the card's suspension for {@code reason}. The card must be one of the caller's
     * (otherwise 404), suspended with that reason (409 {@code ILLEGAL_STATE_TRANSITION}), and have no open appeal for
     * it (409 {@code DUPLICATE}).
     */
    @Transactional
    public AppealView file(String iccid, BlockingReason reason, String statement) {
        Actor customer = CurrentActor.get();
        if (!customer.is(Role.AGENT) && !customer.is(Role.ENTERPRISE_ADMIN)) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        TenantScope scope = customer.scope();
        Card card = jdbc.sql("SELECT id, iccid, agent_id, enterprise_id FROM card WHERE iccid = :iccid AND "
                        + scope.sqlCondition("agent_id", "enterprise_id"))
                .param("iccid", iccid == null ? "" : iccid.strip())
                .param("scopeTenant", scope.sqlParameter())
                .query((rs, row) -> new Card(rs.getLong(1), rs.getString(2), nullableLong(rs, 3), nullableLong(rs, 4)))
                .optional()
                .orElseThrow(NotFoundException::new);
        List<FieldProblem> problems = new ArrayList<>();
        if (reason == null || !APPEALABLE.contains(reason)) {
            problems.add(new FieldProblem("reason", ErrorCode.VALIDATION_FAILED, "risk.appeal.reason.notAppealable"));
        }
        String text = statement == null ? "" : statement.strip();
        if (text.length() < STATEMENT_MIN || text.length() > STATEMENT_MAX) {
            problems.add(new FieldProblem(
                    "statement",
                    ErrorCode.VALIDATION_FAILED,
                    "risk.appeal.statement.length",
                    STATEMENT_MIN,
                    STATEMENT_MAX));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        boolean carried = jdbc.sql("SELECT EXISTS (SELECT 1 FROM card_blocking_reason"
                        + " WHERE card_id = :card AND reason = :reason AND cleared_at IS NULL)")
                .param("card", card.id())
                .param("reason", reason.name())
                .query(Boolean.class)
                .single();
        if (!carried) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "risk.appeal.reasonNotOnCard", reason);
        }
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO risk_appeal (card_id, reason, statement, status, filed_by, filed_role, filed_at)
                        VALUES (:card, :reason, :statement, 'OPEN', :by, :role, :now)
                        ON CONFLICT (card_id, reason) WHERE status = 'OPEN' DO NOTHING
                        RETURNING id""")
                .param("card", card.id())
                .param("reason", reason.name())
                .param("statement", text)
                .param("by", customer.name())
                .param("role", customer.role().name())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            throw new DomainException(ErrorCode.DUPLICATE, "risk.appeal.alreadyOpen", reason);
        }
        events.publishEvent(new RiskAppealRecorded(
                id.get(),
                card.iccid(),
                reason,
                "RISK_APPEAL_FILED",
                card.agentId(),
                card.enterpriseId(),
                Map.of(),
                customer));
        return appeal(id.get());
    }

    /** One page of the appeals the reader may see, newest first, after the given id. */
    @Transactional(readOnly = true)
    public List<AppealView> list(Filter filter, Long afterId, int limit) {
        TenantScope scope = readerScope();
        StringBuilder where = new StringBuilder(" WHERE p.id < :after AND ")
                .append(scope.sqlCondition("c.agent_id", "c.enterprise_id"));
        if (filter.status() != null) {
            where.append(" AND p.status = :status");
        }
        if (filter.iccid() != null && !filter.iccid().isBlank()) {
            where.append(" AND c.iccid = :iccid");
        }
        StatementSpec statement = jdbc.sql(SELECT + where + " ORDER BY p.id DESC LIMIT :limit")
                .param("after", afterId == null ? Long.MAX_VALUE : afterId)
                .param("scopeTenant", scope.sqlParameter())
                .param("limit", limit);
        if (filter.status() != null) {
            statement = statement.param("status", filter.status().name());
        }
        if (filter.iccid() != null && !filter.iccid().isBlank()) {
            statement = statement.param("iccid", filter.iccid().strip());
        }
        return statement.query(RiskAppeals::view).list();
    }

    /** One appeal the reader may see; another tenant's answers 404. */
    @Transactional(readOnly = true)
    public AppealView appeal(long id) {
        TenantScope scope = readerScope();
        return jdbc.sql(SELECT + " WHERE p.id = :id AND " + scope.sqlCondition("c.agent_id", "c.enterprise_id"))
                .param("id", id)
                .param("scopeTenant", scope.sqlParameter())
                .query(RiskAppeals::view)
                .optional()
                .orElseThrow(NotFoundException::new);
    }

    /** The appeals of one card the reader may see, newest first; another tenant's card answers 404. */
    @Transactional(readOnly = true)
    public List<AppealView> onCard(String iccid) {
        TenantScope scope = readerScope();
        boolean visible = jdbc.sql("SELECT EXISTS (SELECT 1 FROM card WHERE iccid = :iccid AND "
                        + scope.sqlCondition("agent_id", "enterprise_id") + ")")
                .param("iccid", iccid == null ? "" : iccid.strip())
                .param("scopeTenant", scope.sqlParameter())
                .query(Boolean.class)
                .single();
        if (!visible) {
            throw new NotFoundException();
        }
        return list(new Filter(null, iccid), null, 100);
    }

    /** OPS take an open appeal to decide it; one that another OPS person holds is refused (409). */
    @Transactional
    public AppealView claim(long id) {
        Actor ops = CurrentActor.require(Role.OPS);
        return assign(id, ops, "RISK_APPEAL_CLAIMED", """
                UPDATE risk_appeal SET assignee = :by, assigned_at = :now, version = version + 1
                WHERE id = :id AND status = 'OPEN' AND (assignee IS NULL OR assignee = :by)
                RETURNING card_id, reason""");
    }

    /** The OPS person holding an appeal gives it back to the queue. */
    @Transactional
    public AppealView release(long id) {
        Actor ops = CurrentActor.require(Role.OPS);
        return assign(id, ops, "RISK_APPEAL_RELEASED", """
                UPDATE risk_appeal SET assignee = NULL, assigned_at = NULL, version = version + 1
                WHERE id = :id AND status = 'OPEN' AND assignee = :by
                RETURNING card_id, reason""");
    }

    /**
     * OPS grant the appeal with a reason: the contested blocking reason is cleared by the card module (the card works
     * again only when nothing else blocks it and its real-name is complete). A reason already cleared meanwhile (the
     * bound device back, a passed re-verification) leaves the card as it is; the appeal is granted all the same.
     */
    @Transactional
    public AppealView grant(long id, String reason) {
        Actor ops = CurrentActor.require(Role.OPS);
        Decided decided = decide(id, ops, AppealStatus.GRANTED, reason);
        cards.clearOnAppeal(decided.cardId(), decided.reason(), decided.note(), ops);
        publish(decided, "RISK_APPEAL_GRANTED", Map.of("decisionReason", decided.text()), ops);
        return appeal(id);
    }

    /** OPS reject the appeal with a reason: the card stays suspended; the customer reads the reason. */
    @Transactional
    public AppealView reject(long id, String reason) {
        Actor ops = CurrentActor.require(Role.OPS);
        Decided decided = decide(id, ops, AppealStatus.REJECTED, reason);
        publish(decided, "RISK_APPEAL_REJECTED", Map.of("decisionReason", decided.text()), ops);
        return appeal(id);
    }

    /** How many appeals wait for a decision (OPS' dashboard and queue). */
    @Transactional(readOnly = true)
    public long openCount() {
        CurrentActor.require(Role.OPS);
        return jdbc.sql("SELECT count(*) FROM risk_appeal WHERE status = 'OPEN'")
                .query(Long.class)
                .single();
    }

    private record Card(long id, String iccid, Long agentId, Long enterpriseId) {}

    private record Decided(
            long id, long cardId, String iccid, BlockingReason reason, Long agentId, Long enterpriseId, String text) {

        /** The note the card keeps with the cleared reason (its column holds 500 characters). */
        String note() {
            return text.length() <= 500 ? text : text.substring(0, 500);
        }
    }

    private Decided decide(long id, Actor ops, AppealStatus outcome, String reason) {
        String text = DecisionReason.required(reason);
        appeal(id);
        return jdbc.sql("""
                        UPDATE risk_appeal p SET status = :status, decided_by = :by, decision_reason = :reason,
                               decided_at = :now, assignee = NULL, assigned_at = NULL, version = p.version + 1
                        FROM card c
                        WHERE p.id = :id AND c.id = p.card_id AND p.status = 'OPEN'
                          AND (p.assignee IS NULL OR p.assignee = :by)
                        RETURNING p.card_id, c.iccid, p.reason, c.agent_id, c.enterprise_id""")
                .param("status", outcome.name())
                .param("by", ops.name())
                .param("reason", text)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .query((rs, row) -> new Decided(
                        id,
                        rs.getLong(1),
                        rs.getString(2),
                        BlockingReason.valueOf(rs.getString(3)),
                        nullableLong(rs, 4),
                        nullableLong(rs, 5),
                        text))
                .optional()
                .orElseThrow(() -> refusal(id));
    }

    private AppealView assign(long id, Actor ops, String action, String update) {
        AppealView appeal = appeal(id);
        jdbc.sql(update)
                .param("id", id)
                .param("by", ops.name())
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> rs.getLong(1))
                .optional()
                .orElseThrow(() -> refusal(id));
        Card card = jdbc.sql("SELECT id, iccid, agent_id, enterprise_id FROM card WHERE iccid = :iccid")
                .param("iccid", appeal.iccid())
                .query((rs, row) -> new Card(rs.getLong(1), rs.getString(2), nullableLong(rs, 3), nullableLong(rs, 4)))
                .single();
        events.publishEvent(new RiskAppealRecorded(
                id, card.iccid(), appeal.reason(), action, card.agentId(), card.enterpriseId(), Map.of(), ops));
        return appeal(id);
    }

    private void publish(Decided decided, String action, Map<String, String> details, Actor ops) {
        events.publishEvent(new RiskAppealRecorded(
                decided.id(),
                decided.iccid(),
                decided.reason(),
                action,
                decided.agentId(),
                decided.enterpriseId(),
                details,
                ops));
    }

    /** Why a change to an appeal did not happen: it is decided already, or another OPS person holds it. */
    private DomainException refusal(long id) {
        AppealView appeal = appeal(id);
        return new DomainException(
                ErrorCode.ILLEGAL_STATE_TRANSITION, appeal.open() ? "risk.appeal.heldByOther" : "risk.appeal.notOpen");
    }

    private static TenantScope readerScope() {
        Actor reader = CurrentActor.get();
        if (!reader.is(Role.OPS) && !reader.is(Role.AGENT) && !reader.is(Role.ENTERPRISE_ADMIN)) {
            return TenantScope.nothing();
        }
        return reader.scope();
    }

    private static final String SELECT = """
            SELECT p.id, c.iccid, c.state, p.reason, p.statement, p.status, p.filed_by, p.filed_role, p.filed_at,
                   p.assignee, p.decided_by, p.decision_reason, p.decided_at
            FROM risk_appeal p JOIN card c ON c.id = p.card_id""";

    private static AppealView view(ResultSet rs, int row) throws SQLException {
        return new AppealView(
                rs.getLong("id"),
                rs.getString("iccid"),
                CardState.valueOf(rs.getString("state")),
                BlockingReason.valueOf(rs.getString("reason")),
                rs.getString("statement"),
                AppealStatus.valueOf(rs.getString("status")),
                rs.getString("filed_by"),
                Role.valueOf(rs.getString("filed_role")),
                instant(rs, "filed_at"),
                rs.getString("assignee"),
                rs.getString("decided_by"),
                rs.getString("decision_reason"),
                instant(rs, "decided_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
