/**
 * Exceptions to a card's end-user real-name requirement (实名例外): an agent asks for a provincial approval (for
 * non-directional data) or a group (集团) approval (for a 149 number with directional voice or SMS), attaches the signed
 * approval document, and OPS decide with maker-checker. What a card allows comes from the card module through the
 * {@link com.realsim.approval.ExceptionEligibility} SPI; the card module learns of a decision from {@link
 * com.realsim.approval.ExceptionApproved}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exception approvals")
package com.realsim.approval;
