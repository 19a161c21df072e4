package com.realsim.account;

import com.realsim.platform.Actor;

/** Published when an ADMIN disables an account; its sessions have ended. */
public record UserAccountDisabled(long userId, String username, Long agentId, Long enterpriseId, Actor by)
        implements UserAccountEvent {

    @Override
    public String action() {
        return "USER_DISABLED";
    }
}
