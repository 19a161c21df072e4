package com.realsim.account;

/** Published when an ADMIN disables an account; its sessions have ended. */
public record UserAccountDisabled(long userId, String username) {}
