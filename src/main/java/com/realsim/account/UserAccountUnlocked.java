package com.realsim.account;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/** Published when an ADMIN lifts the lockout of an account before it ends by itself. */
public record UserAccountUnlocked(long userId, String username, Long agentId, Long enterpriseId, Actor by)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(
                by, agentId, enterpriseId, "USER_UNLOCKED", "USER", userId, "SUCCESS", Map.of("username", username));
    }
}
