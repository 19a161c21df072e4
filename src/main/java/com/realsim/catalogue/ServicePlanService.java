package com.realsim.catalogue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.realsim.catalogue.domain.ServicePlan;
import com.realsim.catalogue.domain.ServicePlans;
import com.realsim.platform.Actor;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service plans: what an ADMIN creates, and the one place where plans are looked up. A plan never changes once
 * created (there is no edit and no deletion, and ids are not reused), so each plan found by id or code is kept in
 * memory (at most 10,000 of them): every card shown, judged or imported needs its plan. A plan that is not found is
 * never remembered, so one created on another instance is found at once.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ServicePlanService {

    private static final int MAX_PLANS = 10_000;

    private final ServicePlans plans;
    private final Clock clock;
    private final Cache<Long, ServicePlanSummary> byId =
            Caffeine.newBuilder().maximumSize(MAX_PLANS).build();
    private final Cache<String, ServicePlanSummary> byCode =
            Caffeine.newBuilder().maximumSize(MAX_PLANS).build();

    @Transactional
    public ServicePlanSummary create(NewServicePlan plan, Actor actor) {
        if (plans.existsByCode(plan.code())) {
            throw new ValidationException(new FieldProblem("code", ErrorCode.DUPLICATE, "catalogue.plan.code.taken"));
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

    /** The plan with this code, if there is one. */
    public Optional<ServicePlanSummary> plan(String code) {
        return Optional.ofNullable(byCode.get(
                code, c -> plans.findByCode(c).map(ServicePlan::summary).orElse(null)));
    }

    /**
     * The plan with this id: a card's plan, which always exists.
     *
     * @throws NotFoundException for an id that is no plan's
     */
    public ServicePlanSummary plan(long id) {
        ServicePlanSummary plan =
                byId.get(id, i -> plans.findById(i).map(ServicePlan::summary).orElse(null));
        if (plan == null) {
            throw new NotFoundException();
        }
        return plan;
    }
}
