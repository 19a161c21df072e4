package com.realsim.catalogue.api;

import com.realsim.catalogue.NewServicePlan;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.catalogue.ServicePlanSummary;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.web.Projection;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: service plans. */
@RestController
@Tag(
        name = "Service plans",
        description = "Service plans: data, voice and SMS directions, test packages and device binding, which decide "
                + "how far a card's real-name must reach.")
@RequestMapping("/api/v1/service-plans")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor
class ServicePlanApi {

    private final ServicePlanService plans;

    record ServicePlanRequest(
            @NotBlank @Size(max = 40) String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull Boolean dataDirectional,
            @NotNull ServiceDirection voice,
            @NotNull ServiceDirection sms,
            @NotNull Boolean testPackage,
            @NotNull Boolean imeiBinding,
            Integer testPeriodDays) {}

    record ServicePlanResponse(
            long id,
            String code,
            String name,
            boolean dataDirectional,
            ServiceDirection voice,
            ServiceDirection sms,
            boolean testPackage,
            boolean imeiBinding,
            int testPeriodDays) {

        static ServicePlanResponse of(ServicePlanSummary plan) {
            return Projection.of(plan, ServicePlanResponse.class);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ServicePlanResponse createServicePlan(@Valid @RequestBody ServicePlanRequest request) {
        return ServicePlanResponse.of(plans.create(
                new NewServicePlan(
                        request.code(),
                        request.name(),
                        request.dataDirectional(),
                        request.voice(),
                        request.sms(),
                        request.testPackage(),
                        request.imeiBinding(),
                        request.testPeriodDays() == null
                                ? NewServicePlan.DEFAULT_TEST_PERIOD_DAYS
                                : request.testPeriodDays()),
                CurrentActor.get()));
    }

    @GetMapping
    List<ServicePlanResponse> listServicePlans() {
        return plans.plans().stream().map(ServicePlanResponse::of).toList();
    }
}
