package com.realsim.catalogue.web;

import com.realsim.catalogue.ExceptionKind;
import com.realsim.catalogue.RealNamePolicy;
import com.realsim.catalogue.RealNameRuleView;
import com.realsim.catalogue.ServiceDirection;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN: the real-name policy, its rules in priority order, and forms to add or change one. */
@Controller
@RequestMapping("/admin/real-name-rules")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor
class RealNameRuleController {

    private final RealNamePolicy policy;

    @ModelAttribute("directions")
    ServiceDirection[] directions() {
        return ServiceDirection.values();
    }

    @ModelAttribute("exceptionKinds")
    ExceptionKind[] exceptionKinds() {
        return ExceptionKind.values();
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("ruleForm")) {
            model.addAttribute("ruleForm", new RealNameRuleForm());
        }
        return page(model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("ruleForm") RealNameRuleForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormErrors.attemptValid(binding, () -> policy.create(form.definition(), CurrentActor.get()))
                .map(rule -> saved(rule, redirect))
                .orElseGet(() -> page(model));
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        RealNameRuleView rule = policy.rule(id);
        model.addAttribute("rule", rule);
        model.addAttribute("ruleForm", RealNameRuleForm.of(rule.rule()));
        return "catalogue/rule-edit";
    }

    @PostMapping("/{id}")
    String change(
            @PathVariable long id,
            @Valid @ModelAttribute("ruleForm") RealNameRuleForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        RealNameRuleView existing = policy.rule(id);
        return FormErrors.attemptValid(binding, () -> policy.change(id, form.definition(), CurrentActor.get()))
                .map(rule -> saved(rule, redirect))
                .orElseGet(() -> {
                    model.addAttribute("rule", existing);
                    return "catalogue/rule-edit";
                });
    }

    private String page(Model model) {
        model.addAttribute("rules", policy.rules());
        return "catalogue/rules";
    }

    private static String saved(RealNameRuleView rule, RedirectAttributes redirect) {
        return FormErrors.succeeded(
                redirect,
                "/admin/real-name-rules",
                "catalogue.rule.saved",
                rule.rule().code());
    }
}
