package com.realsim.card;

import com.realsim.platform.Actor;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Service plans: what an ADMIN creates, and what other modules may look up. */
@Service
public class ServicePlanService {

    private final ServicePlans plans;
    private final Clock clock;

    ServicePlanService(ServicePlans plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @Transactional
    public ServicePlanSummary create(NewServicePlan plan, Actor actor) {
        if (plans.existsByCode(plan.code())) {
            throw new ValidationException(new FieldProblem("code", ErrorCode.DUPLICATE, "card.plan.code.taken"));
        }
        ServicePlan saved = plans.save(new ServicePlan(plan, actor.name(), clock.instant()));
        saved.registerCreated(actor);
        return plans.save(saved).summary();
    }

    @Transactional(readOnly = true)
    public List<ServicePlanSummary> plans() {
        return plans.findAllByOrderByCodeAsc().stream()
                .map(ServicePlan::summary)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<ServicePlanSummary> plan(String code) {
        return plans.findByCode(code).map(ServicePlan::summary);
    }

    @Transactional(readOnly = true)
    public Optional<ServicePlanSummary> plan(long id) {
        return plans.findById(id).map(ServicePlan::summary);
    }
}
