package com.realsim.risk;

/** Where an alert stands; the first three are open (at most one per rule and subject). */
public enum AlertStatus {
    OPEN,
    REVERIFICATION_REQUIRED,
    OVERDUE,
    CLEARED,
    DISMISSED;

    public boolean isOpen() {
        return this == OPEN || this == REVERIFICATION_REQUIRED || this == OVERDUE;
    }
}
