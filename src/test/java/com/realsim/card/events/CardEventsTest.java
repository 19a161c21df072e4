package com.realsim.card.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.card.BlockingReason;
import com.realsim.card.CardState;
import com.realsim.catalogue.Operator;
import com.realsim.identity.IdType;
import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent.AuditFacts;
import com.realsim.platform.Role;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What each card event writes into the audit trail: the action named after the event, the card (by ICCID) as target,
 * its agent and enterprise as the trail's readers, who acted (or the system) and the event's own details — the same
 * entries the events wrote before they shared {@link CardEvent}.
 */
class CardEventsTest {

    static final Actor AGENT = new Actor(Actor.Kind.USER, 11, "li-agent", Role.AGENT, 7L, null);
    static final String ICCID = "89860026140000000013";

    static void assertCardEntry(AuditFacts facts, String action, Actor by, Long enterpriseId) {
        assertThat(facts.action()).isEqualTo(action);
        assertThat(facts.outcome()).isEqualTo("SUCCESS");
        assertThat(facts.targetType()).isEqualTo("CARD");
        assertThat(facts.targetId()).isEqualTo(ICCID);
        assertThat(facts.agentId()).isEqualTo(7L);
        assertThat(facts.enterpriseId()).isEqualTo(enterpriseId);
        assertThat(facts.actor()).isEqualTo(by == null ? "system" : by.name());
        assertThat(facts.role()).isEqualTo(by == null ? null : by.role());
    }

    @Test
    void aHandOverOfManyCardsWritesTheEntryEachCardWroteAlone() {
        CardsHandedOver many = new CardsHandedOver(
                42L,
                7L,
                9L,
                AGENT,
                java.util.List.of(
                        new CardsHandedOver.Handed(1L, ICCID, CardState.TEST),
                        new CardsHandedOver.Handed(2L, "89860026140000000021", CardState.PENDING_ACTIVATION)));

        assertThat(many.auditEntries())
                .containsExactly(
                        new CardHandedOver(1L, ICCID, 7L, 9L, CardState.TEST, AGENT).auditFacts(),
                        new CardHandedOver(2L, "89860026140000000021", 7L, 9L, CardState.PENDING_ACTIVATION, AGENT)
                                .auditFacts());
        assertCardEntry(many.auditEntries().get(0), "CARD_HANDED_OVER", AGENT, 9L);
    }

    @Test
    void lifecycleEvents() {
        AuditFacts handed = new CardHandedOver(1L, ICCID, 7L, 9L, CardState.TEST, AGENT).auditFacts();
        assertCardEntry(handed, "CARD_HANDED_OVER", AGENT, 9L);
        assertThat(handed.details()).isEqualTo(Map.of("state", "TEST"));

        AuditFacts activated = new CardActivated(1L, ICCID, 7L, 9L, "DEFAULT", AGENT).auditFacts();
        assertCardEntry(activated, "CARD_ACTIVATED", AGENT, 9L);
        assertThat(activated.details()).isEqualTo(Map.of("requirement", "DEFAULT"));

        AuditFacts preCancelled = new CardPreCancelled(1L, ICCID, 7L, 9L, CardState.ACTIVE, null).auditFacts();
        assertCardEntry(preCancelled, "CARD_PRE_CANCELLED", null, 9L);
        assertThat(preCancelled.details()).isEqualTo(Map.of("from", "ACTIVE"));

        AuditFacts restored = new CardRestored(1L, ICCID, 7L, 9L, CardState.SUSPENDED, null).auditFacts();
        assertCardEntry(restored, "CARD_RESTORED", null, 9L);
        assertThat(restored.details()).isEqualTo(Map.of("to", "SUSPENDED"));

        AuditFacts cancelled = new CardCancelled(
                        1L, ICCID, Operator.CHINA_MOBILE, 7L, 9L, CardState.PENDING_ACTIVATION, null, AGENT)
                .auditFacts();
        assertCardEntry(cancelled, "CARD_CANCELLED", AGENT, 9L);
        assertThat(cancelled.details()).isEqualTo(Map.of("from", "PENDING_ACTIVATION", "note", ""));
    }

    @Test
    void blockingEvents() {
        AuditFacts suspended =
                new CardSuspended(1L, ICCID, 7L, 9L, BlockingReason.CUSTOMER_REQUEST, "repair", AGENT).auditFacts();
        assertCardEntry(suspended, "CARD_SUSPENDED", AGENT, 9L);
        assertThat(suspended.details()).isEqualTo(Map.of("reason", "CUSTOMER_REQUEST", "note", "repair"));

        AuditFacts cleared = new CardBlockingReasonCleared(
                        1L, ICCID, 7L, 9L, BlockingReason.UNVERIFIED, null, true, null)
                .auditFacts();
        assertCardEntry(cleared, "CARD_BLOCKING_REASON_CLEARED", null, 9L);
        assertThat(cleared.details()).isEqualTo(Map.of("reason", "UNVERIFIED", "note", "", "resumed", true));

        AuditFacts resumed = new CardResumed(1L, ICCID, 7L, 9L, AGENT).auditFacts();
        assertCardEntry(resumed, "CARD_RESUMED", AGENT, 9L);
        assertThat(resumed.details()).isEmpty();

        AuditFacts imei = new CardImeiBound(1L, ICCID, 7L, 9L, "35693803****809", true, AGENT).auditFacts();
        assertCardEntry(imei, "CARD_IMEI_BOUND", AGENT, 9L);
        assertThat(imei.details()).isEqualTo(Map.of("imei", "35693803****809", "rebind", true));
    }

    @Test
    void endUserAndOwnershipEvents() {
        AuditFacts bound = new CardEndUserBound(
                        1L,
                        ICCID,
                        7L,
                        9L,
                        "王*",
                        IdType.RESIDENT_ID,
                        "110101********1234",
                        "SELF_SERVICE",
                        false,
                        null,
                        Instant.EPOCH)
                .auditFacts();
        assertCardEntry(bound, "CARD_END_USER_BOUND", null, 9L);
        assertThat(bound.details())
                .isEqualTo(Map.of(
                        "name", "王*",
                        "idType", "RESIDENT_ID",
                        "idNumber", "110101********1234",
                        "channel", "SELF_SERVICE",
                        "replaced", false));

        AuditFacts transferred = new CardTransferred(1L, ICCID, 7L, 9L, 10L, 42L).auditFacts();
        assertCardEntry(transferred, "CARD_TRANSFERRED", null, 10L);
        assertThat(transferred.details())
                .isEqualTo(Map.of("fromEnterpriseId", 9L, "toEnterpriseId", 10L, "orderId", 42L));

        AuditFacts replaced =
                new CardReplaced(1L, ICCID, "89860026140000000022", 7L, 9L, CardState.ACTIVE, 42L).auditFacts();
        assertCardEntry(replaced, "CARD_REPLACED", null, 9L);
        assertThat(replaced.details())
                .isEqualTo(Map.of("oldIccid", "89860026140000000022", "state", "ACTIVE", "orderId", 42L));
    }
}
