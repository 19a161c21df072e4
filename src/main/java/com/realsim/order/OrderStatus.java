package com.realsim.order;

import com.realsim.platform.Labelled;

/**
 * Where an order stands (the Partner API's values). An open order of any type is {@code AWAITING_VERIFICATION};
 * what it still waits for is its {@code pending} list. The three others are final.
 */
public enum OrderStatus implements Labelled {
    AWAITING_VERIFICATION,
    COMPLETED,
    REJECTED,
    CANCELLED;

    @Override
    public String messageKey() {
        return "order.status." + name();
    }

    public boolean open() {
        return this == AWAITING_VERIFICATION;
    }
}
