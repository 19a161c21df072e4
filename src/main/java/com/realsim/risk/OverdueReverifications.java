package com.realsim.risk;

import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OPS' dashboard: the re-verifications whose deadline has passed — alerts marked {@code OVERDUE}, and those still
 * {@code REVERIFICATION_REQUIRED} whose deadline is behind the clock (the overdue job has not reached them yet) — how
 * many, and the longest overdue first.
 */
@Service
@RequiredArgsConstructor
public class OverdueReverifications {

    private final JdbcClient jdbc;
    private final Clock clock;

    /** One overdue re-verification: the alert, its card (for a card's alert), its deadline and how long ago it passed. */
    public record Overdue(
            long alertId,
            RuleCode rule,
            Severity severity,
            AlertStatus status,
            String subject,
            String iccid,
            Instant deadline,
            Duration sinceDeadline) {}

    /** How many there are, and the first {@code limit} of them, longest overdue first. */
    public record Report(long count, List<Overdue> alerts) {}

    static final String OVERDUE =
            "(a.status = 'OVERDUE' OR (a.status = 'REVERIFICATION_REQUIRED' AND a.deadline < :now))";

    @Transactional(readOnly = true)
    public Report report(int limit) {
        CurrentActor.require(Role.OPS);
        Instant now = clock.instant();
        long count = jdbc.sql("SELECT count(*) FROM risk_alert a WHERE " + OVERDUE)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        List<Overdue> alerts = jdbc.sql("""
                        SELECT a.id, a.rule_code, a.severity, a.status, a.subject_masked, k.iccid, a.deadline
                        FROM risk_alert a LEFT JOIN card k ON k.id = a.card_id
                        WHERE %s ORDER BY a.deadline, a.id LIMIT :limit""".formatted(OVERDUE))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> {
                    Instant deadline = rs.getTimestamp(7).toInstant();
                    return new Overdue(
                            rs.getLong(1),
                            RuleCode.valueOf(rs.getString(2)),
                            Severity.valueOf(rs.getString(3)),
                            AlertStatus.valueOf(rs.getString(4)),
                            rs.getString(5),
                            rs.getString(6),
                            deadline,
                            Duration.between(deadline, now));
                })
                .list();
        return new Report(count, alerts);
    }
}
