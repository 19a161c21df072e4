package com.realsim.order;

/**
 * One card of an order, in the order given.
 *
 * @param replaces for the new card of a CARD_REPLACEMENT pair: the old card's ICCID; otherwise null
 */
public record OrderCardLine(int position, String iccid, String replaces) {

    public boolean replacement() {
        return replaces != null;
    }
}
