package com.realsim.enterprise;

import com.realsim.platform.Labelled;
import java.util.EnumSet;
import java.util.Set;

/** DRAFT → SUBMITTED → VERIFIED or REJECTED (corrected and resubmitted); VERIFIED → CHANGE_PENDING → VERIFIED. */
public enum EnterpriseStatus implements Labelled {
    DRAFT,
    SUBMITTED,
    VERIFIED,
    REJECTED,
    CHANGE_PENDING;

    @Override
    public String messageKey() {
        return "enterprise.status." + name();
    }

    private Set<EnterpriseStatus> next() {
        return switch (this) {
            case DRAFT, REJECTED -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(VERIFIED, REJECTED);
            case VERIFIED -> EnumSet.of(CHANGE_PENDING);
            case CHANGE_PENDING -> EnumSet.of(VERIFIED);
        };
    }

    public boolean canBecome(EnterpriseStatus target) {
        return next().contains(target);
    }

    /** The agent may still edit the record itself (not through a change request). */
    public boolean editable() {
        return this == DRAFT || this == REJECTED;
    }

    /** Verified real-name that cards can rely on; a pending change does not suspend it. */
    public boolean verified() {
        return this == VERIFIED || this == CHANGE_PENDING;
    }
}
