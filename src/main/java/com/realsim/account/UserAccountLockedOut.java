package com.realsim.account;

import com.realsim.platform.Actor;
import java.time.Instant;
import java.util.Map;

/** Published when too many failed sign-ins in a row lock an account until {@code lockedUntil}; by the system. */
public record UserAccountLockedOut(long userId, String username, Long agentId, Long enterpriseId, Instant lockedUntil)
        implements UserAccountEvent {

    @Override
    public Actor by() {
        return null;
    }

    @Override
    public String action() {
        return "USER_LOCKED_OUT";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("username", username, "lockedUntil", lockedUntil.toString());
    }
}
