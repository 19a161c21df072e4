package com.realsim.risk;

import com.realsim.card.CardControl;
import com.realsim.card.CardControl.ReverificationOpened;
import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.review.DecisionReason;
import com.realsim.verification.VerificationDecided;
import com.realsim.verification.VerificationKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-verification of flagged cards (Anti-Telecom-Fraud Law Art. 11, 12 ¶3; MIIT/MPS notice of June 2021): the
 * alert's status transitions {@code OPEN → REVERIFICATION_REQUIRED → OVERDUE / CLEARED}, owned here.
 *
 * <ul>
 *   <li>{@link #require}: OPS require it of an open alert (alone or in bulk) with a reason; each card concerned that is
 *       with a customer and has a person on record gets a {@code REVERIFICATION} case (card module), the alert a
 *       deadline ({@code risk_setting.reverification_deadline}, 24 h by default); {@link ReverificationRequired} is
 *       published (and audited). Required again after a case was rejected, it opens new cases for the rejected cards
 *       only, with a new deadline.
 *   <li>{@link #markOverdue}: alerts past their deadline become {@code OVERDUE} ({@code RISK_ALERT_OVERDUE}) and each
 *       of their cards whose case is not approved gets {@code RISK_REVERIFICATION_OVERDUE} — set-based, one statement
 *       for the alerts and one for the cards.
 *   <li>{@link #caseDecided}: an approved case clears {@code RISK_REVERIFICATION_OVERDUE} of its card (unless another
 *       overdue alert of the card still waits for its case) and the alert becomes {@code CLEARED} once every case of
 *       it is approved ({@code RISK_ALERT_CLEARED}). A rejection changes nothing here: the card stays as it is, and
 *       OPS may require again.
 * </ul>
 */
@Service
@RequiredArgsConstructor
public class RiskReverifications {

    private final JdbcClient jdbc;
    private final RiskRules rules;
    private final RiskAlerts alerts;
    private final CardControl cards;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * OPS require re-verification of one alert.
     *
     * @throws DomainException {@code FORBIDDEN} for other roles; {@code ILLEGAL_STATE_TRANSITION} when the alert is
     *     not open, when its re-verification is under way with no case rejected, or when none of its cards has a
     *     person on record to re-verify
     * @throws NotFoundException for an unknown alert
     */
    @Transactional
    public AlertView require(long id, String reason) {
        Actor ops = CurrentActor.require(Role.OPS);
        String text = DecisionReason.required(reason);
        alerts.alert(id);
        Refusal refusal = requireOne(id, text, ops).orElse(null);
        if (refusal != null) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, refusal.messageKey());
        }
        return alerts.alert(id);
    }

    /** OPS require re-verification of many alerts with one reason; those that cannot move are left and named. */
    @Transactional
    public BulkOutcome require(List<Long> ids, String reason) {
        Actor ops = CurrentActor.require(Role.OPS);
        if (ids == null || ids.isEmpty() || ids.size() > RiskAlerts.MAX_BULK) {
            throw new ValidationException(new FieldProblem(
                    "ids", ErrorCode.VALIDATION_FAILED, "risk.alert.bulk.size", 1, RiskAlerts.MAX_BULK));
        }
        String text = DecisionReason.required(reason);
        List<Long> done = new ArrayList<>();
        List<Long> left = new ArrayList<>();
        for (long id : ids.stream().distinct().sorted().toList()) {
            (requireOne(id, text, ops).isEmpty() ? done : left).add(id);
        }
        return new BulkOutcome(List.copyOf(done), List.copyOf(left));
    }

    /** Why an alert cannot be required to re-verify (a message key). */
    private enum Refusal {
        NOT_FOUND("risk.alert.notOpen"),
        NOT_OPEN("risk.alert.notOpen"),
        UNDER_WAY("risk.reverification.underWay"),
        NOBODY("risk.reverification.nobodyOnRecord");

        private final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    private record Locked(AlertStatus status, RuleCode rule, Long agentId, Long enterpriseId) {}

    private Optional<Refusal> requireOne(long id, String reason, Actor ops) {
        Optional<Locked> alert = jdbc.sql("""
                        SELECT status, rule_code, agent_id, enterprise_id FROM risk_alert WHERE id = :id FOR UPDATE""")
                .param("id", id)
                .query((rs, row) -> new Locked(
                        AlertStatus.valueOf(rs.getString(1)),
                        RuleCode.valueOf(rs.getString(2)),
                        rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class)))
                .optional();
        if (alert.isEmpty()) {
            return Optional.of(Refusal.NOT_FOUND);
        }
        List<Long> cardIds;
        switch (alert.get().status()) {
            case OPEN ->
                cardIds = jdbc.sql("SELECT card_id FROM risk_alert_card WHERE alert_id = :id ORDER BY card_id")
                        .param("id", id)
                        .query(Long.class)
                        .list();
            case REVERIFICATION_REQUIRED, OVERDUE -> {
                // required again: the cards whose case was rejected get a new one
                cardIds = jdbc.sql("""
                                SELECT c.card_id FROM risk_alert_card c
                                  JOIN verification_case v ON v.id = c.reverification_case_id
                                 WHERE c.alert_id = :id AND v.status = 'REJECTED' ORDER BY c.card_id""").param("id", id).query(Long.class).list();
                if (cardIds.isEmpty()) {
                    return Optional.of(Refusal.UNDER_WAY);
                }
            }
            default -> {
                return Optional.of(Refusal.NOT_OPEN);
            }
        }
        List<ReverificationOpened> opened = cards.openReverifications(cardIds, ops);
        if (opened.isEmpty()) {
            return Optional.of(Refusal.NOBODY);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant deadline = now.plus(rules.settings().reverificationDeadline());
        jdbc.sql("""
                        UPDATE risk_alert_card c SET reverification_case_id = o.case_id
                          FROM unnest(:cards::bigint[], :cases::bigint[]) AS o(card_id, case_id)
                         WHERE c.alert_id = :id AND c.card_id = o.card_id""")
                .param("id", id)
                .param(
                        "cards",
                        opened.stream().map(ReverificationOpened::cardId).toArray(Long[]::new))
                .param(
                        "cases",
                        opened.stream().map(ReverificationOpened::caseId).toArray(Long[]::new))
                .update();
        jdbc.sql("""
                        UPDATE risk_alert SET status = 'REVERIFICATION_REQUIRED', deadline = :deadline,
                               decided_by = :by, decision_reason = :reason, version = version + 1
                         WHERE id = :id""")
                .param("id", id)
                .param("deadline", Timestamp.from(deadline))
                .param("by", ops.name())
                .param("reason", reason)
                .update();
        events.publishEvent(new ReverificationRequired(
                id,
                alert.get().rule(),
                alert.get().agentId(),
                alert.get().enterpriseId(),
                opened.stream().map(ReverificationOpened::iccid).toList(),
                opened.stream().map(ReverificationOpened::caseId).toList(),
                deadline,
                reason,
                ops));
        return Optional.empty();
    }

    private record Decided(long id, RuleCode rule, Long agentId, Long enterpriseId) {}

    /**
     * The deadline job's work: every alert in {@code REVERIFICATION_REQUIRED} whose deadline has passed becomes
     * {@code OVERDUE}, and every card of them whose case is not approved gets {@code RISK_REVERIFICATION_OVERDUE}
     * (a working card is suspended). Answers how many alerts became overdue.
     */
    @Transactional
    public int markOverdue() {
        Instant now = clock.instant();
        List<Decided> overdue = jdbc.sql("""
                        UPDATE risk_alert SET status = 'OVERDUE', version = version + 1
                         WHERE status = 'REVERIFICATION_REQUIRED' AND deadline <= :now
                        RETURNING id, rule_code, agent_id, enterprise_id""")
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Decided(
                        rs.getLong(1),
                        RuleCode.valueOf(rs.getString(2)),
                        rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class)))
                .list();
        if (overdue.isEmpty()) {
            return 0;
        }
        List<Long> late = jdbc.sql("""
                        SELECT DISTINCT c.card_id FROM risk_alert_card c
                          JOIN verification_case v ON v.id = c.reverification_case_id
                         WHERE c.alert_id = ANY(:alerts) AND v.status <> 'APPROVED'""")
                .param("alerts", overdue.stream().map(Decided::id).toArray(Long[]::new))
                .query(Long.class)
                .list();
        cards.reverificationOverdue(late);
        for (Decided alert : overdue) {
            events.publishEvent(new RiskAlertDecided(
                    alert.id(),
                    alert.rule(),
                    "RISK_ALERT_OVERDUE",
                    alert.agentId(),
                    alert.enterpriseId(),
                    Map.of(),
                    null));
        }
        return overdue.size();
    }

    /**
     * A REVERIFICATION case was decided (verification module, after its transaction). Approved: its card loses
     * {@code RISK_REVERIFICATION_OVERDUE} unless another overdue alert of the card still waits for its own case, and
     * each alert whose cases are all approved now is {@code CLEARED}. Rejected: nothing changes here. Idempotent.
     */
    @Transactional
    public void caseDecided(VerificationDecided decided) {
        if (decided.kind() != VerificationKind.REVERIFICATION || !decided.approved()) {
            return;
        }
        // the alert first, then its cards: the order the deadline job takes them in (no deadlock between the two)
        List<Long> concerned =
                jdbc.sql("""
                        SELECT id FROM risk_alert
                         WHERE id IN (SELECT alert_id FROM risk_alert_card WHERE reverification_case_id = :case)
                         ORDER BY id FOR UPDATE""").param("case", decided.caseId()).query(Long.class).list();
        if (concerned.isEmpty()) {
            return;
        }
        List<Long> passed =
                jdbc.sql("""
                        SELECT DISTINCT c.card_id FROM risk_alert_card c
                         WHERE c.reverification_case_id = :case
                           AND NOT EXISTS (
                               SELECT 1 FROM risk_alert_card o
                                 JOIN risk_alert a ON a.id = o.alert_id
                                 JOIN verification_case v ON v.id = o.reverification_case_id
                                WHERE o.card_id = c.card_id AND o.alert_id <> c.alert_id
                                  AND a.status = 'OVERDUE' AND v.status <> 'APPROVED')""").param("case", decided.caseId()).query(Long.class).list();
        passed.forEach(cards::reverificationPassed);
        List<Decided> cleared = jdbc.sql("""
                        UPDATE risk_alert a SET status = 'CLEARED', closed_at = :now, assignee = NULL,
                               assigned_at = NULL, version = a.version + 1
                         WHERE a.id IN (SELECT alert_id FROM risk_alert_card WHERE reverification_case_id = :case)
                           AND a.status IN ('REVERIFICATION_REQUIRED', 'OVERDUE')
                           AND NOT EXISTS (
                               SELECT 1 FROM risk_alert_card c
                                 JOIN verification_case v ON v.id = c.reverification_case_id
                                WHERE c.alert_id = a.id AND v.status <> 'APPROVED')
                        RETURNING a.id, a.rule_code, a.agent_id, a.enterprise_id""")
                .param("case", decided.caseId())
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> new Decided(
                        rs.getLong(1),
                        RuleCode.valueOf(rs.getString(2)),
                        rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class)))
                .list();
        for (Decided alert : cleared) {
            events.publishEvent(new RiskAlertDecided(
                    alert.id(),
                    alert.rule(),
                    "RISK_ALERT_CLEARED",
                    alert.agentId(),
                    alert.enterpriseId(),
                    Map.of("case", Long.toString(decided.caseId())),
                    null));
        }
    }
}
