package com.realsim.catalogue;

import com.realsim.platform.Labelled;

/**
 * How a card's end-user real-name requirement can be waived: not needed (no requirement), by a provincial approval,
 * by a group (集团) approval, or not at all.
 */
public enum ExceptionKind implements Labelled {
    NONE_NEEDED,
    PROVINCIAL_APPROVAL,
    GROUP_APPROVAL,
    NOT_ALLOWED;

    @Override
    public String messageKey() {
        return "catalogue.exception." + name();
    }

    /** Whether an approval of this kind can be requested (the exception kinds of the Partner API). */
    public boolean isApproval() {
        return this == PROVINCIAL_APPROVAL || this == GROUP_APPROVAL;
    }
}
