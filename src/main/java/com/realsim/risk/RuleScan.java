package com.realsim.risk;

import com.realsim.platform.ChinaTime;
import com.realsim.platform.jobs.Recurring;
import com.realsim.risk.ScanView.ScanStatus;
import com.realsim.risk.ScanView.ScanTrigger;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a scan: every enabled rule over all cards, each rule one set-based statement ({@link RuleStatements}) in its
 * own transaction, the scan's progress committed after each. The schedule's scans start here; OPS' scans reach here
 * through {@link RiskScanJob}.
 */
@Component
@RequiredArgsConstructor
class RuleScan {

    private final JdbcClient jdbc;
    private final RiskRules rules;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** The scheduled scan: picked by one instance per due run. */
    @Recurring(name = "risk-scan", cron = "${realsim.risk.scan-cron:0 17 * * * *}")
    public void scheduled() {
        long id = transaction.execute(status -> insert(ScanTrigger.SCHEDULE, "system"));
        run(id, done -> {});
    }

    /**
     * Runs the scan's rules, one statement each, and records each rule's outcome as it finishes; a rule that fails
     * fails the scan (the rules before it keep their alerts: each one's statement is whole or nothing).
     */
    void run(long scanId, LongConsumer rulesDone) {
        List<RiskRuleView> enabled = rules.enabled().stream()
                .filter(rule -> RuleStatements.of(rule.code()).isPresent())
                .toList();
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        UPDATE risk_scan SET started_at = ?, rules_total = ?,
                               cards_scanned = (SELECT count(*) FROM card WHERE state NOT IN ('INVENTORY', 'CANCELLED'))
                        WHERE id = ?""")
                .params(Timestamp.from(now), enabled.size(), scanId)
                .update());
        try {
            int done = 0;
            for (RiskRuleView rule : enabled) {
                transaction.executeWithoutResult(status -> {
                    Outcome outcome = apply(rule, scanId, now);
                    if (outcome.opened() > 0) {
                        events.publishEvent(new RiskAlertsOpened(scanId, rule.code(), now, outcome.opened()));
                    }
                    jdbc.sql("""
                                    UPDATE risk_scan SET rules_done = rules_done + 1,
                                           alerts_opened = alerts_opened + ?, alerts_raised = alerts_raised + ?
                                    WHERE id = ?""")
                            .params(outcome.opened(), outcome.raised(), scanId)
                            .update();
                });
                rulesDone.accept(++done);
            }
            transaction.executeWithoutResult(status -> finish(scanId, ScanStatus.DONE, null));
        } catch (RuntimeException failure) {
            transaction.executeWithoutResult(status -> finish(scanId, ScanStatus.FAILED, "risk.scan.failed"));
            throw failure;
        }
    }

    /** A scan whose job died for good, unless it recorded its own end. */
    void interrupted(long scanId) {
        jdbc.sql(
                        "UPDATE risk_scan SET status = 'FAILED', failure = ?, finished_at = ? WHERE id = ? AND status = 'RUNNING'")
                .params("risk.scan.interrupted", Timestamp.from(clock.instant()), scanId)
                .update();
    }

    record Outcome(long opened, long raised, long seen) {}

    /** One rule's statement, with its parameters, at the scan's instant. */
    Outcome apply(RiskRuleView rule, Long scanId, Instant now) {
        String sql = RuleStatements.of(rule.code()).orElseThrow();
        StatementSpec statement = jdbc.sql(sql)
                .param("rule", rule.code().name())
                .param("severity", rule.severity().name())
                .param("scan", scanId)
                .param("now", Timestamp.from(now))
                .param("today", Date.valueOf(ChinaTime.today(Clock.fixed(now, ChinaTime.ZONE))));
        for (var parameter : rule.parameters().entrySet()) {
            ParameterRange range = rule.ranges().get(parameter.getKey());
            BigDecimal value = parameter.getValue();
            statement = statement.param(
                    parameter.getKey(), range != null && range.integer() ? (Object) value.intValueExact() : value);
        }
        return statement
                .query((rs, row) -> new Outcome(rs.getLong("opened"), rs.getLong("raised"), rs.getLong("seen")))
                .single();
    }

    private void finish(long scanId, ScanStatus status, String failure) {
        jdbc.sql("UPDATE risk_scan SET status = ?, failure = ?, finished_at = ? WHERE id = ? AND status = 'RUNNING'")
                .params(status.name(), failure, Timestamp.from(clock.instant()), scanId)
                .update();
        long opened = jdbc.sql("SELECT alerts_opened FROM risk_scan WHERE id = ?")
                .param(scanId)
                .query(Long.class)
                .single();
        if (opened > 0) {
            events.publishEvent(new RiskScanFinished(scanId, opened));
        }
    }

    /** A new scan, RUNNING. */
    long insert(ScanTrigger trigger, String by) {
        return jdbc.sql("""
                        INSERT INTO risk_scan (status, trigger, requested_by, requested_at)
                        VALUES ('RUNNING', ?, ?, ?) RETURNING id""")
                .params(trigger.name(), by, Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }
}
