package com.realsim.risk;

/**
 * A scan ended (done, or failed after some of its rules): the alerts it opened ({@code risk_alert.opened_by_scan})
 * are in the database. Published in the transaction that records the scan's end; the notification module tells the
 * tenants of the alerts' cards.
 */
public record RiskScanFinished(long scanId, long alertsOpened) {}
