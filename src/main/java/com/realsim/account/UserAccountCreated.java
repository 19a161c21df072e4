package com.realsim.account;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import java.util.Map;

/**
 * Published when an account is created, by an ADMIN or by the bootstrap.
 *
 * @param by who created it, null for the system (the bootstrap administrator, demo data)
 */
public record UserAccountCreated(long userId, String username, Role role, Long agentId, Long enterpriseId, Actor by)
        implements UserAccountEvent {

    @Override
    public String action() {
        return "USER_CREATED";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("username", username, "role", role.name());
    }
}
