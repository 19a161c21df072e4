package com.realsim.enterprise;

import java.time.Instant;
import java.util.List;

/**
 * What OPS have to decide: submitted registrations and pending change requests, oldest first, with how long the
 * oldest has waited.
 */
public record ReviewQueue(List<EnterpriseView> registrations, List<ChangeRequestView> changes, Instant oldestSince) {

    public int size() {
        return registrations.size() + changes.size();
    }
}
