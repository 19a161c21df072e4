package com.realsim.catalogue;

import java.time.Instant;

/** A real-name rule as the policy page shows it. */
public record RealNameRuleView(long id, RealNameRuleDefinition rule, Instant updatedAt, String updatedBy) {}
