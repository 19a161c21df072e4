package com.realsim.account;

import com.realsim.platform.Actor;

/** Published when an ADMIN lifts the lockout of an account before it ends by itself. */
public record UserAccountUnlocked(long userId, String username, Long agentId, Long enterpriseId, Actor by)
        implements UserAccountEvent {

    @Override
    public String action() {
        return "USER_UNLOCKED";
    }
}
