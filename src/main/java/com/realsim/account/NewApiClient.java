package com.realsim.account;

import com.realsim.platform.Role;

/** What it takes to create an API client; a given client id and secret only for the bootstrap client. */
public record NewApiClient(String name, Role role, Long agentId, Long enterpriseId) {}
