package com.realsim.account;

import com.realsim.platform.Role;
import java.time.Instant;

/** An API client as pages and the API list it: never with its secret or the secret's hash. */
public record ApiClientSummary(
        long id,
        String clientId,
        String name,
        Role role,
        Long agentId,
        Long enterpriseId,
        boolean enabled,
        String createdBy,
        Instant createdAt,
        Instant secretRotatedAt) {}
