package com.realsim.risk;

import java.util.List;

/** A bulk decision: the alerts it took, and those it left (not open, or not found). */
public record BulkOutcome(List<Long> done, List<Long> skipped) {}
