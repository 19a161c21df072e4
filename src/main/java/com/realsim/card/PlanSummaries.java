package com.realsim.card;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Service plans by id, for showing and judging cards. A plan never changes once created (there is no edit, and ids
 * are not reused), so each plan is read from the database once and kept (at most 10,000 plans); every card read needs
 * its plan.
 */
@Component
class PlanSummaries {

    private final ServicePlans plans;
    private final Cache<Long, ServicePlanSummary> summaries =
            Caffeine.newBuilder().maximumSize(10_000).build();

    PlanSummaries(ServicePlans plans) {
        this.plans = plans;
    }

    ServicePlanSummary of(long planId) {
        return summaries.get(planId, id -> plans.findById(id).orElseThrow().summary());
    }
}
