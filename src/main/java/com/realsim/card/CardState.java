package com.realsim.card;

import com.realsim.platform.Labelled;
import java.util.EnumSet;
import java.util.Set;

/**
 * A card's lifecycle: INVENTORY (库存) → TEST (测试期, optional) → PENDING_ACTIVATION (待激活/沉默期) → ACTIVE (正常)
 * ⇄ SUSPENDED (停机) → PRE_CANCELLED (预销户) → CANCELLED (销户, final). A card whose silent period ends with its
 * real-name incomplete is switched on stopped (PENDING_ACTIVATION → SUSPENDED, with {@code UNVERIFIED}). Each state knows where it may go next; the
 * aggregate adds the rules that need more than the state (real-name for activation, an empty stack of blocking
 * reasons for resuming).
 */
public enum CardState implements Labelled {
    INVENTORY,
    TEST,
    PENDING_ACTIVATION,
    ACTIVE,
    SUSPENDED,
    PRE_CANCELLED,
    CANCELLED;

    @Override
    public String messageKey() {
        return "card.state." + name();
    }

    /** The states this one may move to. Cancelling is possible from every state but CANCELLED itself. */
    public Set<CardState> next() {
        return switch (this) {
            case INVENTORY -> EnumSet.of(TEST, PENDING_ACTIVATION, CANCELLED);
            case TEST -> EnumSet.of(PENDING_ACTIVATION, CANCELLED);
            case PENDING_ACTIVATION -> EnumSet.of(ACTIVE, SUSPENDED, PRE_CANCELLED, CANCELLED);
            case ACTIVE -> EnumSet.of(SUSPENDED, PRE_CANCELLED, CANCELLED);
            case SUSPENDED -> EnumSet.of(ACTIVE, PRE_CANCELLED, CANCELLED);
            case PRE_CANCELLED -> EnumSet.of(ACTIVE, SUSPENDED, CANCELLED);
            case CANCELLED -> EnumSet.noneOf(CardState.class);
        };
    }

    public boolean canMoveTo(CardState target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return this == CANCELLED;
    }

    /** States in which a card has been handed to a customer (it carries an agent and an enterprise). */
    public boolean isWithCustomer() {
        return this != INVENTORY && this != CANCELLED;
    }

    /** States from which a card is activated: waiting for activation, or in its test period (which that ends). */
    public boolean canBeActivated() {
        return this == TEST || this == PENDING_ACTIVATION;
    }

    /** States in which a blocking reason may be added: the card works, or is already stopped for another reason. */
    public boolean canBeBlocked() {
        return this == ACTIVE || this == SUSPENDED;
    }
}
