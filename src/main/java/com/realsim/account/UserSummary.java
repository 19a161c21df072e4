package com.realsim.account;

import com.realsim.platform.Role;
import java.time.Instant;

/**
 * An account as the administration pages and the API show it; never with its password hash.
 *
 * @param displayName the name of the person the account belongs to, or null
 */
public record UserSummary(
        long id,
        String username,
        String displayName,
        Role role,
        Long agentId,
        Long enterpriseId,
        boolean enabled,
        boolean locked,
        Instant lastLoginAt,
        Instant createdAt) {}
