package com.realsim.risk.appeals;

import com.realsim.card.BlockingReason;
import com.realsim.card.CardState;
import com.realsim.risk.AlertStatus;
import com.realsim.risk.RuleCode;
import com.realsim.risk.Severity;
import java.time.Instant;
import java.util.List;

/**
 * One of a customer's cards with an open alert: the alert (rule, severity, status, deadline and whether it has
 * passed), the reasons blocking the card now, the reasons the customer may still contest (carried, appealable, no open
 * appeal yet), the latest re-verification case of the card and the latest appeal with its decision.
 */
public record FlaggedCard(
        long cardId,
        String iccid,
        CardState cardState,
        long alertId,
        RuleCode rule,
        Severity severity,
        AlertStatus alertStatus,
        Instant deadline,
        boolean overdue,
        List<BlockingReason> reasons,
        List<BlockingReason> contestable,
        Long reverificationCaseId,
        String reverificationStatus,
        Long appealId,
        AppealStatus appealStatus,
        String appealDecision) {}
