package com.realsim.order;

/**
 * Where an order stands (the Partner API's values). An open order of any type is {@code AWAITING_VERIFICATION};
 * what it still waits for is its {@code pending} list. The three others are final.
 */
public enum OrderStatus {
    AWAITING_VERIFICATION,
    COMPLETED,
    REJECTED,
    CANCELLED;

    public boolean open() {
        return this == AWAITING_VERIFICATION;
    }
}
