package com.realsim.account;

import com.realsim.platform.Actor;

/** Published when an ADMIN enables a disabled account again. */
public record UserAccountEnabled(long userId, String username, Long agentId, Long enterpriseId, Actor by)
        implements UserAccountEvent {

    @Override
    public String action() {
        return "USER_ENABLED";
    }
}
