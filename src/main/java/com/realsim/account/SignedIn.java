package com.realsim.account;

import com.realsim.platform.AuditedEvent;
import com.realsim.platform.Role;
import java.time.Instant;
import java.util.Map;

/** Published when someone signs in to their browser account. */
public record SignedIn(long userId, String username, Role role, Long agentId, Long enterpriseId, Instant at)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> details = Map.of("username", username);
        String target = String.valueOf(userId);
        return new AuditFacts(username, role, agentId, enterpriseId, "SIGN_IN", "USER", target, "SUCCESS", details);
    }
}
