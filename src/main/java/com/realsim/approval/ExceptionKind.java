package com.realsim.approval;

/**
 * The approvals that can waive a card's end-user real-name requirement: a provincial approval (by the provincial
 * deputy general manager or an authorised leader) for non-directional data, a group (集团) approval for a 149 number
 * with directional voice or SMS.
 */
public enum ExceptionKind {
    PROVINCIAL_APPROVAL,
    GROUP_APPROVAL
}
