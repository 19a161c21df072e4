package com.realsim.risk;

import java.time.Instant;

/** A scan and how far it got: rules done of rules to run, cards in service when it started, alerts opened. */
public record ScanView(
        long id,
        ScanStatus status,
        ScanTrigger trigger,
        String requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        int rulesTotal,
        int rulesDone,
        long cardsScanned,
        long alertsOpened,
        long alertsRaised) {

    public enum ScanStatus {
        RUNNING,
        DONE,
        FAILED
    }

    public enum ScanTrigger {
        SCHEDULE,
        DEMAND
    }
}
