package com.realsim.card;

/**
 * A photo of a card's end user was stored; when it completed the set, the verification case was opened.
 *
 * @param verificationCaseId the case, once opened
 */
public record EndUserPhotoStored(long documentId, EndUserPhoto kind, EndUserStatus status, Long verificationCaseId) {}
