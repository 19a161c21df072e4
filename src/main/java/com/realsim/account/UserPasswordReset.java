package com.realsim.account;

import com.realsim.platform.Actor;

/** Published when an ADMIN resets an account's password (the person must choose a new one at next sign-in). */
public record UserPasswordReset(long userId, String username, Long agentId, Long enterpriseId, Actor by)
        implements UserAccountEvent {

    @Override
    public String action() {
        return "USER_PASSWORD_RESET";
    }
}
