package com.realsim.account;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/** Published when an ADMIN disables an account; its sessions have ended. */
public record UserAccountDisabled(long userId, String username, Long agentId, Long enterpriseId, Actor by)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.by(
                by, agentId, enterpriseId, "USER_DISABLED", "USER", userId, "SUCCESS", Map.of("username", username));
    }
}
