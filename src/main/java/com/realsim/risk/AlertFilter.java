package com.realsim.risk;

import java.time.Duration;

/**
 * Which alerts to list: each criterion left null matches every alert. {@code iccid}: alerts concerning that card;
 * {@code assignee}: an OPS user name, or {@link #UNASSIGNED}; {@code olderThan}: alerts opened at least that long ago.
 */
public record AlertFilter(
        AlertStatus status, RuleCode rule, Severity severity, String iccid, String assignee, Duration olderThan) {

    public static final String UNASSIGNED = "-";

    public static AlertFilter none() {
        return new AlertFilter(null, null, null, null, null, null);
    }
}
