package com.realsim.risk.appeals;

import com.realsim.card.BlockingReason;
import com.realsim.card.CardState;
import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.TenantScope;
import com.realsim.risk.AlertStatus;
import com.realsim.risk.RuleCode;
import com.realsim.risk.Severity;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise admin's (and the agent's, for its customers) flagged cards: their cards that an open alert concerns,
 * most urgent first (a deadline first, the earliest first), in one statement. A card appears only while it is the
 * reader's now and the alert was found on it while it was the reader's.
 */
@Service
@RequiredArgsConstructor
public class FlaggedCards {

    public static final int LIMIT = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    @Transactional(readOnly = true)
    public List<FlaggedCard> list() {
        Actor reader = CurrentActor.get();
        TenantScope scope =
                reader.is(Role.AGENT) || reader.is(Role.ENTERPRISE_ADMIN) ? reader.scope() : TenantScope.nothing();
        return jdbc.sql("""
                        SELECT c.id AS card_id, c.iccid, c.state, a.id AS alert_id, a.rule_code, a.severity, a.status,
                               a.deadline,
                               (a.status = 'OVERDUE' OR (a.status = 'REVERIFICATION_REQUIRED' AND a.deadline < :now))
                                   AS overdue,
                               ARRAY(SELECT b.reason FROM card_blocking_reason b
                                     WHERE b.card_id = c.id AND b.cleared_at IS NULL ORDER BY b.since, b.id) AS reasons,
                               ARRAY(SELECT b.reason FROM card_blocking_reason b
                                     WHERE b.card_id = c.id AND b.cleared_at IS NULL AND b.reason IN (:appealable)
                                       AND NOT EXISTS (SELECT 1 FROM risk_appeal p WHERE p.card_id = c.id
                                                       AND p.reason = b.reason AND p.status = 'OPEN')
                                     ORDER BY b.since, b.id) AS contestable,
                               v.id AS case_id, v.status AS case_status,
                               p.id AS appeal_id, p.status AS appeal_status, p.decision_reason
                        FROM risk_alert a
                        JOIN risk_alert_card ac ON ac.alert_id = a.id
                        JOIN card c ON c.id = ac.card_id
                        LEFT JOIN LATERAL (SELECT v.id, v.status FROM verification_case v
                                           WHERE v.kind = 'REVERIFICATION' AND v.subject_type = 'CARD'
                                             AND v.subject_id = c.id
                                           ORDER BY v.id DESC LIMIT 1) v ON true
                        LEFT JOIN LATERAL (SELECT p.id, p.status, p.decision_reason FROM risk_appeal p
                                           WHERE p.card_id = c.id ORDER BY p.id DESC LIMIT 1) p ON true
                        WHERE a.status IN ('OPEN', 'REVERIFICATION_REQUIRED', 'OVERDUE')
                          AND %s AND %s
                        ORDER BY a.deadline NULLS LAST, a.id DESC, c.iccid
                        LIMIT :limit""".formatted(
                                scope.sqlCondition("ac.agent_id", "ac.enterprise_id"),
                                scope.sqlCondition("c.agent_id", "c.enterprise_id")))
                .param("now", Timestamp.from(clock.instant()))
                .param(
                        "appealable",
                        RiskAppeals.APPEALABLE.stream().map(Enum::name).sorted().toList())
                .param("scopeTenant", scope.sqlParameter())
                .param("limit", LIMIT)
                .query(FlaggedCards::row)
                .list();
    }

    private static FlaggedCard row(ResultSet rs, int row) throws SQLException {
        Timestamp deadline = rs.getTimestamp("deadline");
        long caseId = rs.getLong("case_id");
        boolean noCase = rs.wasNull();
        long appealId = rs.getLong("appeal_id");
        boolean noAppeal = rs.wasNull();
        return new FlaggedCard(
                rs.getLong("card_id"),
                rs.getString("iccid"),
                CardState.valueOf(rs.getString("state")),
                rs.getLong("alert_id"),
                RuleCode.valueOf(rs.getString("rule_code")),
                Severity.valueOf(rs.getString("severity")),
                AlertStatus.valueOf(rs.getString("status")),
                deadline == null ? null : deadline.toInstant(),
                rs.getBoolean("overdue"),
                reasons(rs.getArray("reasons")),
                reasons(rs.getArray("contestable")),
                noCase ? null : caseId,
                rs.getString("case_status"),
                noAppeal ? null : appealId,
                noAppeal ? null : AppealStatus.valueOf(rs.getString("appeal_status")),
                rs.getString("decision_reason"));
    }

    private static List<BlockingReason> reasons(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((String[]) array.getArray())
                .map(BlockingReason::valueOf)
                .toList();
    }
}
