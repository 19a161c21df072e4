package com.realsim.risk;

/** How grave a finding is; an open alert's severity only rises (the order is the declaration's). */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
