package com.realsim.catalogue.web;

import com.realsim.catalogue.NewServicePlan;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.web.FormErrors;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN: service plans and a form to add one. */
@Controller
@RequestMapping("/admin/service-plans")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor
class ServicePlanController {

    private final ServicePlanService plans;

    @ModelAttribute("directions")
    ServiceDirection[] directions() {
        return ServiceDirection.values();
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("planForm")) {
            model.addAttribute("planForm", new ServicePlanForm());
        }
        return page(model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("planForm") ServicePlanForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormErrors.attemptValid(
                        binding,
                        () -> plans.create(
                                new NewServicePlan(
                                        form.getCode(),
                                        form.getName(),
                                        form.isDataDirectional(),
                                        form.getVoice(),
                                        form.getSms(),
                                        form.isTestPackage(),
                                        form.isImeiBinding(),
                                        form.getTestPeriodDays(),
                                        form.getMonthlyDataMb()),
                                CurrentActor.get()))
                .map(plan ->
                        FormErrors.succeeded(redirect, "/admin/service-plans", "catalogue.plan.created", plan.code()))
                .orElseGet(() -> page(model));
    }

    private String page(Model model) {
        model.addAttribute("plans", plans.plans());
        return "catalogue/plans";
    }
}
