package com.realsim.card.domain;

import com.realsim.card.BlockingReason;
import com.realsim.card.CardState;
import com.realsim.card.Iccid;
import com.realsim.card.Msisdn;
import com.realsim.card.RealNameAssessment;
import com.realsim.catalogue.ExceptionKind;
import com.realsim.catalogue.Operator;
import com.realsim.catalogue.RealNameRequirement;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import java.time.Instant;

/** Test data: {@code aCard().inState(SUSPENDED).build()} drives a card there through its own legal moves. */
final class CardBuilder {

    static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");
    static final Actor OPS = ActorAuthentication.actor(Role.OPS, null, null);

    private String iccid = "89867509816662423467";
    private String msisdn = "14912345678";
    private boolean imeiBinding;
    private CardState state = CardState.INVENTORY;
    private boolean preCancelledWhileSuspended;

    static CardBuilder aCard() {
        return new CardBuilder();
    }

    CardBuilder iccid(String iccid) {
        this.iccid = iccid;
        return this;
    }

    CardBuilder msisdn(String msisdn) {
        this.msisdn = msisdn;
        return this;
    }

    CardBuilder boundToDevices() {
        this.imeiBinding = true;
        return this;
    }

    CardBuilder inState(CardState state) {
        this.state = state;
        return this;
    }

    /** A PRE_CANCELLED card that entered the cycle while suspended (it still carries a blocking reason). */
    CardBuilder preCancelledWhileSuspended() {
        this.state = CardState.PRE_CANCELLED;
        this.preCancelledWhileSuspended = true;
        return this;
    }

    static RealNameAssessment complete() {
        return RealNameFacts.enterpriseComplete()
                .assess(new RealNameRequirement("DIRECTIONAL_DATA_ONLY", false, ExceptionKind.NONE_NEEDED, 1L));
    }

    /** A directional-data card whose enterprise is not verified (any move into ACTIVE must not happen). */
    static RealNameAssessment incomplete() {
        return new RealNameFacts(false, true, true, RealNameFacts.EndUser.NONE, null)
                .assess(new RealNameRequirement("DIRECTIONAL_DATA_ONLY", false, ExceptionKind.NONE_NEEDED, 1L));
    }

    Card build() {
        Card card = new Card(
                new Iccid(iccid), new Msisdn(msisdn), "460001234567890", Operator.CHINA_MOBILE, 1L, imeiBinding, NOW);
        switch (state) {
            case INVENTORY -> {}
            case TEST -> card.handOver(7L, 70L, true, 1L, OPS, NOW);
            case PENDING_ACTIVATION -> card.handOver(7L, 70L, false, 1L, OPS, NOW);
            case ACTIVE -> active(card);
            case SUSPENDED -> {
                active(card);
                card.block(BlockingReason.OPS_ACTION, "test", OPS, NOW);
            }
            case PRE_CANCELLED -> {
                active(card);
                if (preCancelledWhileSuspended) {
                    card.block(BlockingReason.ARREARS, "test", null, NOW);
                }
                card.preCancel(null, NOW);
            }
            case CANCELLED -> card.cancel("test", OPS, NOW);
        }
        card.forgetEvents();
        return card;
    }

    private static void active(Card card) {
        card.handOver(7L, 70L, false, 1L, OPS, NOW);
        card.activate(complete(), OPS, NOW);
    }
}
