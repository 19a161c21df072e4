package com.realsim.account;

import com.realsim.platform.Role;

/** What it takes to open an account. The password is clear only here, on its way to the encoder. */
public record NewUser(String username, String password, Role role, Long agentId, Long enterpriseId) {

    @Override
    public String toString() {
        return "NewUser[" + username + ", " + role + "]";
    }
}
