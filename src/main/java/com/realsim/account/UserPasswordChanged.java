package com.realsim.account;

import com.realsim.platform.Actor;

/** Published when a person chooses a new password for their own account. */
public record UserPasswordChanged(long userId, String username, Long agentId, Long enterpriseId, Actor by)
        implements UserAccountEvent {

    @Override
    public String action() {
        return "USER_PASSWORD_CHANGED";
    }
}
