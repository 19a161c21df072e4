package com.realsim.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A rule as it stands: on or off, its severity, its parameters and their ranges, who changed it last. */
public record RiskRuleView(
        RuleCode code,
        boolean enabled,
        Severity severity,
        Map<String, BigDecimal> parameters,
        Map<String, ParameterRange> ranges,
        Instant updatedAt,
        String updatedBy) {}
