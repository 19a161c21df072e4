package com.realsim.account;

import com.realsim.platform.Actor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Published when an ADMIN moves an account to another agent organisation or enterprise; the entry belongs to the
 * organisation it left, and records the one it joined.
 */
public record UserAccountMoved(
        long userId, String username, Long agentId, Long enterpriseId, Long newAgentId, Long newEnterpriseId, Actor by)
        implements UserAccountEvent {

    @Override
    public String action() {
        return "USER_MOVED";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", username);
        if (newAgentId != null) {
            details.put("agentId", newAgentId);
        }
        if (newEnterpriseId != null) {
            details.put("enterpriseId", newEnterpriseId);
        }
        return details;
    }
}
