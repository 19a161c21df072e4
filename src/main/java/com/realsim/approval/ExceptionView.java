package com.realsim.approval;

import java.time.Instant;

/**
 * An exception request as pages and the API show it. People are named by their username (or API client id).
 *
 * @param requirementCode the card's real-name requirement when the request was made
 * @param assignedTo the OPS user working on it, while pending
 * @param decisionReason the approver's note or the reason for a rejection
 */
public record ExceptionView(
        long id,
        long cardId,
        String iccid,
        ExceptionKind kind,
        ExceptionStatus status,
        String requirementCode,
        String reason,
        Long agentId,
        Long enterpriseId,
        String requestedBy,
        Instant requestedAt,
        String assignedTo,
        Instant assignedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionReason) {}
