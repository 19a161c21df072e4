package com.realsim.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent.AuditFacts;
import com.realsim.platform.Role;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each order event writes into the audit trail: the action named after the event, the order as target. */
class OrderEventsTest {

    static final Actor AGENT = new Actor(Actor.Kind.USER, 11, "li-agent", Role.AGENT, 7L, null);
    static final Actor OPS = new Actor(Actor.Kind.USER, 21, "wang-ops", Role.OPS, null, null);
    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    static void assertOrderEntry(AuditFacts facts, String action, String outcome, Actor by) {
        assertThat(facts.action()).isEqualTo(action);
        assertThat(facts.outcome()).isEqualTo(outcome);
        assertThat(facts.targetType()).isEqualTo("ORDER");
        assertThat(facts.targetId()).isEqualTo("42");
        assertThat(facts.agentId()).isEqualTo(7L);
        assertThat(facts.enterpriseId()).isEqualTo(9L);
        assertThat(facts.actor()).isEqualTo(by == null ? "system" : by.name());
        assertThat(facts.role()).isEqualTo(by == null ? null : by.role());
    }

    @Test
    void aCreatedOrderNamesItsTypeCardsAndTheMaskedHandler() {
        AuditFacts facts =
                new OrderCreated(42, 7, 9, OrderType.NEW_INSTALL, 3, "李*", "420106********1639", AGENT).auditFacts();
        assertOrderEntry(facts, "ORDER_CREATED", "SUCCESS", AGENT);
        assertThat(facts.details())
                .isEqualTo(Map.of(
                        "type", "NEW_INSTALL", "cards", 3, "handler", "李*", "handlerIdNumber", "420106********1639"));
    }

    @Test
    void aRejectedOrderNamesWhyAndIsRejected() {
        AuditFacts facts = new OrderRejected(42, 7, 9, OrderType.REBIND_IMEI, "OPS_REJECTED", "wrong device", OPS, NOW)
                .auditFacts();
        assertOrderEntry(facts, "ORDER_REJECTED", "REJECTED", OPS);
        assertThat(facts.details())
                .isEqualTo(Map.of("type", "REBIND_IMEI", "code", "OPS_REJECTED", "reason", "wrong device"));
    }

    @Test
    void aCompletedOrderNamesItsCardsAndATransfersTarget() {
        AuditFacts completed = new OrderCompleted(42, 7, 9, OrderType.NEW_INSTALL, 3, null, null, NOW).auditFacts();
        assertOrderEntry(completed, "ORDER_COMPLETED", "SUCCESS", null);
        assertThat(completed.details()).isEqualTo(Map.of("type", "NEW_INSTALL", "cards", 3));

        AuditFacts transferred = new OrderCompleted(42, 7, 9, OrderType.TRANSFER, 2, 10L, AGENT, NOW).auditFacts();
        assertOrderEntry(transferred, "ORDER_COMPLETED", "SUCCESS", AGENT);
        assertThat(transferred.details()).isEqualTo(Map.of("type", "TRANSFER", "cards", 2, "targetEnterpriseId", 10L));
    }

    @Test
    void aCancelledOrderNamesItsType() {
        AuditFacts facts = new OrderCancelled(42, 7, 9, OrderType.TRANSFER, AGENT, NOW).auditFacts();
        assertOrderEntry(facts, "ORDER_CANCELLED", "SUCCESS", AGENT);
        assertThat(facts.details()).isEqualTo(Map.of("type", "TRANSFER"));
    }
}
