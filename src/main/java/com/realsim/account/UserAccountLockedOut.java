package com.realsim.account;

import com.realsim.platform.AuditedEvent;
import java.time.Instant;
import java.util.Map;

/** Published when too many failed sign-ins in a row lock an account until {@code lockedUntil}. */
public record UserAccountLockedOut(long userId, String username, Long agentId, Long enterpriseId, Instant lockedUntil)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(
                null,
                agentId,
                enterpriseId,
                "USER_LOCKED_OUT",
                "USER",
                userId,
                "SUCCESS",
                Map.of("username", username, "lockedUntil", lockedUntil.toString()));
    }
}
