package com.realsim.account;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/** Published when an ADMIN enables a disabled account again. */
public record UserAccountEnabled(long userId, String username, Long agentId, Long enterpriseId, Actor by)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(
                by, agentId, enterpriseId, "USER_ENABLED", "USER", userId, "SUCCESS", Map.of("username", username));
    }
}
