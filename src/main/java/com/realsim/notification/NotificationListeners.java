package com.realsim.notification;

import com.realsim.approval.ExceptionApproved;
import com.realsim.approval.ExceptionRejected;
import com.realsim.card.BlockingReason;
import com.realsim.card.events.CardRef;
import com.realsim.card.events.CardSuspended;
import com.realsim.card.events.CardsSuspended;
import com.realsim.enterprise.EnterpriseChanged;
import com.realsim.notification.Recipients.Notice;
import com.realsim.order.OrderCompleted;
import com.realsim.order.OrderRejected;
import com.realsim.platform.Actor;
import com.realsim.platform.ChinaTime;
import com.realsim.risk.ReverificationRequired;
import com.realsim.risk.RiskAlertDecided;
import com.realsim.risk.RiskScanFinished;
import com.realsim.verification.VerificationDecided;
import com.realsim.verification.VerificationKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into notices (after their transactions, in one of their own, as the system; the
 * registry may deliver an event twice, which {@link Recipients} writes once). Who hears what is in
 * docs/notifications.md: decisions on an agent's work go to the agent organisation's users; re-verification, overdue
 * alerts, new alerts and stopped cards go to the agent's users and the enterprise's admins, each with the number of
 * their own cards — one notice per user for an event about many cards.
 */
@Component
@RequiredArgsConstructor
class NotificationListeners {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    private final Recipients recipients;
    private final JdbcClient jdbc;
    private final Clock clock;

    // --- decisions on the agent's work ---------------------------------------------------------------------------

    @ApplicationModuleListener
    void on(EnterpriseChanged changed) {
        NotificationKind kind = switch (changed.action()) {
            case "ENTERPRISE_VERIFIED" -> NotificationKind.ENTERPRISE_VERIFIED;
            case "ENTERPRISE_REJECTED" -> NotificationKind.ENTERPRISE_REJECTED;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        // the decision's time tells this decision from an earlier one of a resubmitted enterprise
        Instant decided = jdbc.sql("SELECT decided_at FROM enterprise WHERE id = ?")
                .param(changed.enterpriseId())
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(Instant.EPOCH);
        Object name = changed.details().get("name");
        recipients.agent(
                changed.agentId(),
                new Notice(
                        kind,
                        List.of(name == null ? "" : name.toString()),
                        "/enterprises/" + changed.enterpriseId(),
                        kind + ":" + changed.enterpriseId() + ":" + decided.toEpochMilli()),
                nameOf(changed.by()));
    }

    /**
     * A verification case decided: rejections always, approvals only when OPS decided (an automatic approval is seen
     * at once by whoever submitted the case). A re-verification's enterprise admins are told too: they were asked.
     */
    @ApplicationModuleListener
    void on(VerificationDecided decided) {
        if (decided.approved() && "system".equals(decided.decidedBy())) {
            return;
        }
        NotificationKind kind =
                decided.approved() ? NotificationKind.VERIFICATION_APPROVED : NotificationKind.VERIFICATION_REJECTED;
        Notice notice = new Notice(
                kind,
                List.of(String.valueOf(decided.caseId()), label(decided.kind().messageKey())),
                "/verifications/" + decided.caseId(),
                kind + ":" + decided.caseId());
        jdbc.sql("SELECT agent_id, enterprise_id FROM verification_case WHERE id = ?")
                .param(decided.caseId())
                .query((rs, row) -> new Tenant(rs.getLong(1), (Long) rs.getObject(2)))
                .optional()
                .ifPresent(tenant -> {
                    recipients.agent(tenant.agentId(), notice, decided.decidedBy());
                    if (decided.kind() == VerificationKind.REVERIFICATION) {
                        recipients.enterprise(tenant.enterpriseId(), notice, decided.decidedBy());
                    }
                });
    }

    @ApplicationModuleListener
    void on(ExceptionApproved approved) {
        recipients.agent(
                approved.agentId(),
                new Notice(
                        NotificationKind.EXCEPTION_APPROVED,
                        List.of(String.valueOf(approved.exceptionId()), approved.iccid()),
                        "/exceptions/" + approved.exceptionId(),
                        "EXCEPTION_APPROVED:" + approved.exceptionId()),
                approved.approvedBy());
    }

    @ApplicationModuleListener
    void on(ExceptionRejected rejected) {
        recipients.agent(
                rejected.agentId(),
                new Notice(
                        NotificationKind.EXCEPTION_REJECTED,
                        List.of(String.valueOf(rejected.exceptionId()), rejected.iccid()),
                        "/exceptions/" + rejected.exceptionId(),
                        "EXCEPTION_REJECTED:" + rejected.exceptionId()),
                rejected.rejectedBy());
    }

    @ApplicationModuleListener
    void on(OrderCompleted completed) {
        recipients.agent(
                completed.agentId(),
                new Notice(
                        NotificationKind.ORDER_COMPLETED,
                        List.of(
                                String.valueOf(completed.orderId()),
                                label(completed.type().messageKey()),
                                String.valueOf(completed.cardCount())),
                        "/orders/" + completed.orderId(),
                        "ORDER_COMPLETED:" + completed.orderId()),
                nameOf(completed.by()));
    }

    @ApplicationModuleListener
    void on(OrderRejected rejected) {
        recipients.agent(
                rejected.agentId(),
                new Notice(
                        NotificationKind.ORDER_REJECTED,
                        List.of(
                                String.valueOf(rejected.orderId()),
                                label(rejected.type().messageKey())),
                        "/orders/" + rejected.orderId(),
                        "ORDER_REJECTED:" + rejected.orderId() + ":"
                                + rejected.at().toEpochMilli()),
                nameOf(rejected.by()));
    }

    // --- re-verification, deadlines and alerts on the tenants' cards ----------------------------------------------

    @ApplicationModuleListener
    void on(ReverificationRequired required) {
        String deadline = MINUTE.format(required.deadline());
        String source = "REVERIFICATION_REQUIRED:" + required.alertId() + ":"
                + required.deadline().toEpochMilli();
        toTenantsOfCards(
                cardsOfAlert(required.alertId()),
                cards -> new Notice(
                        NotificationKind.REVERIFICATION_REQUIRED,
                        List.of(String.valueOf(required.alertId()), String.valueOf(cards), deadline),
                        "/risk/alerts/" + required.alertId(),
                        source),
                nameOf(required.by()));
    }

    @ApplicationModuleListener
    void on(RiskAlertDecided decided) {
        if (!"RISK_ALERT_OVERDUE".equals(decided.action())) {
            return;
        }
        toTenantsOfCards(
                cardsOfAlert(decided.alertId()),
                cards -> new Notice(
                        NotificationKind.REVERIFICATION_OVERDUE,
                        List.of(String.valueOf(decided.alertId()), String.valueOf(cards)),
                        "/risk/alerts/" + decided.alertId(),
                        "REVERIFICATION_OVERDUE:" + decided.alertId()),
                null);
    }

    /** The alerts a scan opened, counted per agent and per enterprise of their cards: one notice per user. */
    @ApplicationModuleListener
    void on(RiskScanFinished finished) {
        TenantCounts alerts = counts("""
                SELECT rc.agent_id, rc.enterprise_id, count(DISTINCT rc.alert_id)
                  FROM risk_alert_card rc JOIN risk_alert a ON a.id = rc.alert_id
                 WHERE a.opened_by_scan = ?
                 GROUP BY GROUPING SETS ((rc.agent_id), (rc.enterprise_id))""", finished.scanId());
        toTenantsOfCards(
                alerts,
                count -> new Notice(
                        NotificationKind.RISK_ALERTS_OPENED,
                        List.of(String.valueOf(count)),
                        "/risk/alerts",
                        "RISK_ALERTS_OPENED:" + finished.scanId()),
                null);
    }

    // --- cards stopped: the operator's arrears and data limit ------------------------------------------------------

    @ApplicationModuleListener
    void on(CardsSuspended suspended) {
        stopped(suspended.reason(), suspended.cards());
    }

    @ApplicationModuleListener
    void on(CardSuspended suspended) {
        if (suspended.cardId() != null) {
            stopped(
                    suspended.reason(),
                    List.of(new CardRef(
                            suspended.cardId(), suspended.iccid(), suspended.agentId(), suspended.enterpriseId())));
        }
    }

    /**
     * Cards stopped for arrears or the data limit: one notice per user per reason and China day, however many feed
     * batches (and events of up to {@value CardsSuspended#MAX_CARDS} cards) stop their cards that day; a later stop
     * the same day makes it unread again. The link is the card list filtered by the reason.
     */
    private void stopped(BlockingReason reason, List<CardRef> cards) {
        NotificationKind kind = switch (reason) {
            case ARREARS -> NotificationKind.CARDS_STOPPED_ARREARS;
            case DATA_LIMIT_REACHED -> NotificationKind.CARDS_STOPPED_DATA_LIMIT;
            default -> null;
        };
        if (kind == null || cards.isEmpty()) {
            return;
        }
        String day = ChinaTime.today(clock).toString();
        Notice notice = new Notice(kind, List.of(day), "/cards?reason=" + reason.name(), kind + ":" + day);
        cards.stream()
                .map(CardRef::agentId)
                .filter(id -> id != null)
                .distinct()
                .forEach(agent -> recipients.agentAgain(agent, notice));
        cards.stream()
                .map(CardRef::enterpriseId)
                .filter(id -> id != null)
                .distinct()
                .forEach(enterprise -> recipients.enterpriseAgain(enterprise, notice));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private record Tenant(long agentId, Long enterpriseId) {}

    /** Counts per agent and per enterprise (a GROUPING SETS answer: one of the two columns is null in each row). */
    private record TenantCounts(Map<Long, Long> agents, Map<Long, Long> enterprises) {}

    private TenantCounts cardsOfAlert(long alertId) {
        return counts("""
                SELECT agent_id, enterprise_id, count(*) FROM risk_alert_card WHERE alert_id = ?
                 GROUP BY GROUPING SETS ((agent_id), (enterprise_id))""", alertId);
    }

    private TenantCounts counts(String sql, long id) {
        Map<Long, Long> agents = new TreeMap<>();
        Map<Long, Long> enterprises = new TreeMap<>();
        jdbc.sql(sql).param(id).query(rs -> {
            Long agent = (Long) rs.getObject(1);
            Long enterprise = (Long) rs.getObject(2);
            if (agent != null) {
                agents.put(agent, rs.getLong(3));
            } else if (enterprise != null) {
                enterprises.put(enterprise, rs.getLong(3));
            }
        });
        return new TenantCounts(agents, enterprises);
    }

    private void toTenantsOfCards(TenantCounts counts, java.util.function.LongFunction<Notice> notice, String actor) {
        counts.agents().forEach((agent, count) -> recipients.agent(agent, notice.apply(count), actor));
        counts.enterprises()
                .forEach((enterprise, count) -> recipients.enterprise(enterprise, notice.apply(count), actor));
    }

    private static String label(String messageKey) {
        return NotificationView.LABEL + messageKey;
    }

    private static String nameOf(Actor actor) {
        return Optional.ofNullable(actor).map(Actor::name).orElse(null);
    }
}
