package com.realsim.catalogue;

import java.time.Instant;

/** An operator's one-ID-N-cards limit, as pages and the API show it. */
public record OperatorQuotaSetting(Operator operator, int maxCardsPerId, Instant updatedAt, String updatedBy) {}
