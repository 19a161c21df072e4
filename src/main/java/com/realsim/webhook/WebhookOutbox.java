package com.realsim.webhook;

import com.realsim.approval.ExceptionApproved;
import com.realsim.approval.ExceptionRejected;
import com.realsim.card.CardState;
import com.realsim.card.events.CardActivated;
import com.realsim.card.events.CardCancelled;
import com.realsim.card.events.CardEvent;
import com.realsim.card.events.CardHandedOver;
import com.realsim.card.events.CardPreCancelled;
import com.realsim.card.events.CardReplaced;
import com.realsim.card.events.CardRestored;
import com.realsim.card.events.CardResumed;
import com.realsim.card.events.CardSuspended;
import com.realsim.card.events.CardTestPeriodEnded;
import com.realsim.card.events.CardsActivated;
import com.realsim.card.events.CardsHandedOver;
import com.realsim.card.events.CardsSuspended;
import com.realsim.card.events.CardsTestPeriodEnded;
import com.realsim.order.OrderCompleted;
import com.realsim.order.OrderRejected;
import com.realsim.risk.ReverificationRequired;
import com.realsim.risk.RiskAlertsOpened;
import com.realsim.verification.VerificationDecided;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the modules' events into deliveries: one row of {@code webhook_delivery} per event (per card, for events about
 * many cards) and per webhook of the event's tenant that subscribed to its type, written set-based in one statement.
 *
 * <p>Written in the transaction that changed the card or order ({@code BEFORE_COMMIT}), not by an asynchronous
 * {@code @ApplicationModuleListener}: two events of one card are published by transactions that the card's row lock
 * puts one after the other, and writing their deliveries in those transactions keeps that order in the deliveries'
 * ids (asynchronous listeners run each event on a thread of its own and may write them the other way round); a delivery
 * also exists exactly when the change does. The statement is one join of the event's cards with the subscribed
 * webhooks; with no webhook subscribed to the type it is one look-up.
 */
@Component
@RequiredArgsConstructor
class WebhookOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final EntityManager entityManager;

    /** What one delivery is about: the tenant it belongs to, the card (its order key; may be null) and its data. */
    record Subject(Long agentId, Long enterpriseId, String iccid, Map<String, Object> data) {}

    // --- cards ----------------------------------------------------------------------------------------------------

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void cardChanged(CardEvent event) {
        CardChange change = null;
        if (event instanceof CardHandedOver handed) {
            change = new CardChange(handed.state(), null);
        } else if (event instanceof CardActivated || event instanceof CardResumed) {
            change = new CardChange(CardState.ACTIVE, null);
        } else if (event instanceof CardSuspended suspended) {
            change = new CardChange(CardState.SUSPENDED, suspended.reason().name());
        } else if (event instanceof CardPreCancelled) {
            change = new CardChange(CardState.PRE_CANCELLED, null);
        } else if (event instanceof CardRestored restored) {
            change = new CardChange(restored.to(), null);
        } else if (event instanceof CardCancelled) {
            change = new CardChange(CardState.CANCELLED, null);
        } else if (event instanceof CardTestPeriodEnded) {
            change = new CardChange(CardState.PENDING_ACTIVATION, null);
        } else if (event instanceof CardReplaced replaced) {
            change = new CardChange(replaced.state(), null);
        }
        if (change != null) {
            enqueue(
                    WebhookEvent.CARD_STATE_CHANGED,
                    List.of(card(event.agentId(), event.enterpriseId(), event.iccid(), change)));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void cardsHandedOver(CardsHandedOver event) {
        enqueue(
                WebhookEvent.CARD_STATE_CHANGED,
                event.cards().stream()
                        .map(card -> card(
                                event.agentId(),
                                event.enterpriseId(),
                                card.iccid(),
                                new CardChange(card.state(), null)))
                        .toList());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void cardsActivated(CardsActivated event) {
        enqueue(
                WebhookEvent.CARD_STATE_CHANGED,
                event.cards().stream()
                        .map(activated -> card(
                                activated.card().agentId(),
                                activated.card().enterpriseId(),
                                activated.card().iccid(),
                                new CardChange(CardState.ACTIVE, null)))
                        .toList());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void cardsSuspended(CardsSuspended event) {
        enqueue(
                WebhookEvent.CARD_STATE_CHANGED,
                event.cards().stream()
                        .map(card -> card(
                                card.agentId(),
                                card.enterpriseId(),
                                card.iccid(),
                                new CardChange(
                                        CardState.SUSPENDED, event.reason().name())))
                        .toList());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void cardsTestPeriodEnded(CardsTestPeriodEnded event) {
        enqueue(
                WebhookEvent.CARD_STATE_CHANGED,
                event.cards().stream()
                        .map(card -> card(
                                card.agentId(),
                                card.enterpriseId(),
                                card.iccid(),
                                new CardChange(CardState.PENDING_ACTIVATION, null)))
                        .toList());
    }

    private record CardChange(CardState state, String reason) {}

    private static Subject card(Long agentId, Long enterpriseId, String iccid, CardChange change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("iccid", iccid);
        data.put("state", change.state().name());
        if (change.reason() != null) {
            data.put("reason", change.reason());
        }
        return new Subject(agentId, enterpriseId, iccid, data);
    }

    // --- orders, exceptions, verifications ------------------------------------------------------------------------

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void orderCompleted(OrderCompleted event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", event.orderId());
        data.put("orderType", event.type().name());
        data.put("cards", event.cardCount());
        enqueue(WebhookEvent.ORDER_COMPLETED, List.of(new Subject(event.agentId(), event.enterpriseId(), null, data)));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void orderRejected(OrderRejected event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", event.orderId());
        data.put("orderType", event.type().name());
        data.put("code", event.code());
        data.put("reason", event.reason());
        enqueue(WebhookEvent.ORDER_REJECTED, List.of(new Subject(event.agentId(), event.enterpriseId(), null, data)));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void exceptionApproved(ExceptionApproved event) {
        enqueue(
                WebhookEvent.EXCEPTION_DECIDED,
                List.of(exception(
                        event.agentId(),
                        event.enterpriseId(),
                        event.exceptionId(),
                        event.iccid(),
                        event.kind().name(),
                        "APPROVED",
                        event.reason())));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void exceptionRejected(ExceptionRejected event) {
        enqueue(
                WebhookEvent.EXCEPTION_DECIDED,
                List.of(exception(
                        event.agentId(),
                        event.enterpriseId(),
                        event.exceptionId(),
                        event.iccid(),
                        event.kind().name(),
                        "REJECTED",
                        event.reason())));
    }

    private static Subject exception(
            Long agentId, Long enterpriseId, long id, String iccid, String kind, String outcome, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exceptionId", id);
        data.put("iccid", iccid);
        data.put("kind", kind);
        data.put("outcome", outcome);
        if (reason != null) {
            data.put("reason", reason);
        }
        return new Subject(agentId, enterpriseId, iccid, data);
    }

    /** The case's tenant and, for a card's end user, the card are read from the case (written in this transaction). */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void verificationDecided(VerificationDecided event) {
        if (!subscribed(WebhookEvent.VERIFICATION_DECIDED)) {
            return;
        }
        flush();
        List<Subject> subjects = jdbc.sql("""
                        SELECT vc.agent_id, vc.enterprise_id, c.iccid
                        FROM verification_case vc
                        LEFT JOIN card c ON vc.subject_type = 'CARD' AND c.id = vc.subject_id
                        WHERE vc.id = ?""")
                .param(event.caseId())
                .query((rs, row) -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("verificationId", event.caseId());
                    data.put("kind", event.kind().name());
                    data.put("subjectType", event.subjectType());
                    String iccid = rs.getString("iccid");
                    if (iccid != null) {
                        data.put("iccid", iccid);
                    }
                    data.put("outcome", event.outcome().name());
                    return new Subject(
                            (Long) rs.getObject("agent_id"), (Long) rs.getObject("enterprise_id"), iccid, data);
                })
                .list();
        enqueue(WebhookEvent.VERIFICATION_DECIDED, subjects);
    }

    // --- risk -----------------------------------------------------------------------------------------------------

    /** One delivery per card of each alert the scan's rule opened, to the card's own tenant. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void riskAlertsOpened(RiskAlertsOpened event) {
        if (!subscribed(WebhookEvent.RISK_ALERT_OPENED)) {
            return;
        }
        List<Subject> subjects = jdbc.sql("""
                        SELECT a.id, a.rule_code, a.severity, c.iccid, ac.agent_id, ac.enterprise_id
                        FROM risk_alert a
                        JOIN risk_alert_card ac ON ac.alert_id = a.id
                        JOIN card c ON c.id = ac.card_id
                        WHERE a.opened_by_scan = ? AND a.rule_code = ?
                        ORDER BY a.id, c.id""")
                .params(event.scanId(), event.rule().name())
                .query((rs, row) -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("alertId", rs.getLong("id"));
                    data.put("rule", rs.getString("rule_code"));
                    data.put("severity", rs.getString("severity"));
                    data.put("iccid", rs.getString("iccid"));
                    return new Subject(
                            (Long) rs.getObject("agent_id"),
                            (Long) rs.getObject("enterprise_id"),
                            rs.getString("iccid"),
                            data);
                })
                .list();
        enqueue(WebhookEvent.RISK_ALERT_OPENED, subjects);
    }

    /** One delivery per card whose end user must verify again, to the card's own tenant. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void reverificationRequired(ReverificationRequired event) {
        if (!subscribed(WebhookEvent.REVERIFICATION_REQUIRED)) {
            return;
        }
        Map<String, Long> cases = new LinkedHashMap<>();
        for (int i = 0; i < event.iccids().size(); i++) {
            cases.put(
                    event.iccids().get(i),
                    i < event.caseIds().size() ? event.caseIds().get(i) : null);
        }
        List<Subject> subjects = jdbc.sql(
                        "SELECT iccid, agent_id, enterprise_id FROM card WHERE iccid = ANY(?)" + " ORDER BY id")
                .param(event.iccids().toArray(String[]::new))
                .query((rs, row) -> {
                    String iccid = rs.getString("iccid");
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("alertId", event.alertId());
                    data.put("rule", event.rule().name());
                    data.put("iccid", iccid);
                    data.put("verificationId", cases.get(iccid));
                    data.put("deadline", event.deadline().toString());
                    return new Subject(
                            (Long) rs.getObject("agent_id"), (Long) rs.getObject("enterprise_id"), iccid, data);
                })
                .list();
        enqueue(WebhookEvent.REVERIFICATION_REQUIRED, subjects);
    }

    // --- the outbox -----------------------------------------------------------------------------------------------

    /**
     * Writes one delivery per subject and subscribed webhook of the subject's tenant (an agent's webhook takes every
     * enterprise of the agent, an enterprise's its own), in the subjects' order: one statement.
     */
    void enqueue(WebhookEvent type, List<Subject> subjects) {
        if (subjects.isEmpty() || !subscribed(type)) {
            return;
        }
        Instant now = clock.instant();
        int size = subjects.size();
        Long[] agents = new Long[size];
        Long[] enterprises = new Long[size];
        String[] iccids = new String[size];
        UUID[] ids = new UUID[size];
        String[] bodies = new String[size];
        for (int i = 0; i < size; i++) {
            Subject subject = subjects.get(i);
            agents[i] = subject.agentId();
            enterprises[i] = subject.enterpriseId();
            iccids[i] = subject.iccid();
            ids[i] = UUID.randomUUID();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", ids[i].toString());
            body.put("type", type.name());
            body.put("at", now.toString());
            body.put("data", subject.data());
            bodies[i] = JSON.writeValueAsString(body);
        }
        jdbc.sql("""
                        INSERT INTO webhook_delivery (webhook_id, event_id, type, iccid, body, created_at, next_attempt_at)
                        SELECT w.id, s.event_id, :type, s.iccid, s.body, :now, :now
                        FROM unnest(CAST(:agents AS bigint[]), CAST(:enterprises AS bigint[]),
                                    CAST(:iccids AS varchar[]), CAST(:ids AS uuid[]), CAST(:bodies AS text[]))
                             WITH ORDINALITY AS s (agent_id, enterprise_id, iccid, event_id, body, n)
                        JOIN webhook w ON w.agent_id = s.agent_id OR w.enterprise_id = s.enterprise_id
                        WHERE w.events @> ARRAY[CAST(:type AS varchar)]
                        ORDER BY s.n, w.id""")
                .param("type", type.name())
                .param("now", Timestamp.from(now))
                .param("agents", agents)
                .param("enterprises", enterprises)
                .param("iccids", iccids)
                .param("ids", ids)
                .param("bodies", bodies)
                .update();
    }

    /** Whether any webhook takes this type: most events of a platform without partners' webhooks stop here. */
    private boolean subscribed(WebhookEvent type) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM webhook WHERE events @> ARRAY[CAST(? AS varchar)])")
                .param(type.name())
                .query(Boolean.class)
                .single();
    }

    /** The JPA changes of this transaction, written before its rows are read with SQL. */
    private void flush() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            entityManager.flush();
        }
    }
}
