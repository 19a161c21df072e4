package com.realsim.risk.appeals;

import com.realsim.card.BlockingReason;
import com.realsim.card.CardState;
import com.realsim.platform.Role;
import java.time.Instant;

/**
 * An appeal as its reader sees it: the card (ICCID and its state now), the contested blocking reason, the customer's
 * statement, who filed it and when, who holds it, and OPS' decision with its reason once decided.
 */
public record AppealView(
        long id,
        String iccid,
        CardState cardState,
        BlockingReason reason,
        String statement,
        AppealStatus status,
        String filedBy,
        Role filedRole,
        Instant filedAt,
        String assignee,
        String decidedBy,
        String decisionReason,
        Instant decidedAt) {

    public boolean open() {
        return status == AppealStatus.OPEN;
    }
}
