package com.realsim.account;

import com.realsim.platform.Role;

/** Published when an account is created, by an ADMIN or by the bootstrap. */
public record UserAccountCreated(long userId, String username, Role role, Long agentId, Long enterpriseId) {}
