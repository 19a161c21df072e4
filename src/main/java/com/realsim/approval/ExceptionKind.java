package com.realsim.approval;

import com.realsim.platform.Labelled;

/**
 * The approvals that can waive a card's end-user real-name requirement: a provincial approval (by the provincial
 * deputy general manager or an authorised leader) for non-directional data, a group (集团) approval for a 149 number
 * with directional voice or SMS.
 */
public enum ExceptionKind implements Labelled {
    PROVINCIAL_APPROVAL,
    GROUP_APPROVAL;

    @Override
    public String messageKey() {
        return "approval.kind." + name();
    }
}
