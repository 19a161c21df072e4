package com.realsim.catalogue.web;

import com.realsim.catalogue.Operator;
import com.realsim.catalogue.OperatorService;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.error.ValidationException;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN: the operators and how many cards one identity may hold at each. */
@Controller
@RequestMapping("/admin/operators")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor
class OperatorController {

    private final OperatorService operators;

    @GetMapping
    String list(Model model) {
        model.addAttribute("quotas", operators.quotas());
        return "catalogue/operators";
    }

    @PostMapping("/{operator}/quota")
    String setQuota(
            @PathVariable Operator operator,
            @RequestParam(required = false) Integer maxCardsPerId,
            Model model,
            RedirectAttributes redirect) {
        try {
            operators.setQuota(operator, maxCardsPerId == null ? 0 : maxCardsPerId, CurrentActor.get());
            redirect.addFlashAttribute("flashSuccess", "catalogue.operator.saved");
            redirect.addFlashAttribute("flashArgs", new Object[] {operator.name()});
            return "redirect:/admin/operators";
        } catch (ValidationException refused) {
            model.addAttribute("quotas", operators.quotas());
            model.addAttribute("failedOperator", operator);
            model.addAttribute("failedKey", refused.fieldProblems().get(0).messageKey());
            return "catalogue/operators";
        }
    }

    @PostMapping("/{operator}/silent-period")
    String setSilentPeriod(
            @PathVariable Operator operator,
            @RequestParam(required = false) Integer silentPeriodDays,
            Model model,
            RedirectAttributes redirect) {
        try {
            operators.setSilentPeriod(operator, silentPeriodDays == null ? 0 : silentPeriodDays, CurrentActor.get());
            redirect.addFlashAttribute("flashSuccess", "catalogue.operator.silentSaved");
            redirect.addFlashAttribute("flashArgs", new Object[] {operator.name()});
            return "redirect:/admin/operators";
        } catch (ValidationException refused) {
            model.addAttribute("quotas", operators.quotas());
            model.addAttribute("failedSilentOperator", operator);
            return "catalogue/operators";
        }
    }
}
