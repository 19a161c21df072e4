package com.realsim.risk;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert as its reader may see it: the subject masked, the evidence masked (a tenant whose cards are only some of
 * the subject's does not see the others' ICCIDs), and the cards concerned that the reader may see.
 */
public record AlertView(
        long id,
        RuleCode rule,
        Severity severity,
        AlertStatus status,
        String iccid,
        SubjectKind subjectKind,
        String subject,
        Instant openedAt,
        Instant lastSeenAt,
        Instant deadline,
        String assignee,
        String decidedBy,
        String decisionReason,
        Instant closedAt,
        Instant dismissedUntil,
        Map<String, Object> evidence,
        List<String> cards) {}
