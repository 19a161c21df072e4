package com.realsim.risk;

import java.time.Duration;

/**
 * The module's settings: how long a card has to pass a required re-verification (24 h by law), and how long a
 * dismissed alert keeps quiet for the same rule and subject.
 */
public record RiskSettings(Duration reverificationDeadline, Duration dismissalCooldown) {}
