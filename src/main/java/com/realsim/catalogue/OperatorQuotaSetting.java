package com.realsim.catalogue;

import java.time.Instant;

/**
 * An operator's settings as pages and the API show them: its one-ID-N-cards limit and its silent period (沉默期, days).
 */
public record OperatorQuotaSetting(
        Operator operator, int maxCardsPerId, Instant updatedAt, String updatedBy, int silentPeriodDays) {}
