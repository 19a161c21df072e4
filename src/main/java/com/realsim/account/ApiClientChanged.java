package com.realsim.account;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import com.realsim.platform.Role;
import java.util.Map;

/** Published when an API client is created, disabled, enabled or has its secret rotated. */
public record ApiClientChanged(
        Actor by, long apiClientId, String clientId, Role role, Long agentId, Long enterpriseId, String action)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> details = Map.of("clientId", clientId, "role", role.name());
        return AuditFacts.by(by, agentId, enterpriseId, action, "API_CLIENT", apiClientId, "SUCCESS", details);
    }
}
