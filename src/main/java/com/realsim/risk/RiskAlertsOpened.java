package com.realsim.risk;

import java.time.Instant;

/**
 * A scan's rule opened new alerts ({@code opened} of them): the alerts of {@code rule} opened by {@code scanId} at
 * {@code openedAt}, with their cards in {@code risk_alert_card}. Published in the transaction that wrote them, for the
 * webhooks' {@code RISK_ALERT_OPENED} (and notifications); not audited (the scan's record counts them).
 */
public record RiskAlertsOpened(long scanId, RuleCode rule, Instant openedAt, long opened) {}
