package com.realsim.approval;

import java.time.Instant;

/**
 * The approved exception of a card, for the card module's page ("provincial approval #12, approved by ops-li on …").
 */
public record ApprovedException(
        long exceptionId,
        long cardId,
        String iccid,
        ExceptionKind kind,
        String requirementCode,
        String approvedBy,
        Instant approvedAt) {

    /** The page of the request: {@code /exceptions/{id}}. */
    public String path() {
        return "/exceptions/" + exceptionId;
    }
}
