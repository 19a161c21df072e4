package com.realsim.risk.web;

import com.realsim.platform.web.FormErrors;
import com.realsim.risk.RiskReverifications;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** OPS require re-verification from an alert's page, or of the alerts selected in the queue. */
@Controller
@RequestMapping("/risk/alerts")
@PreAuthorize("hasRole('OPS')")
@RequiredArgsConstructor
class RiskReverificationController {

    private final RiskReverifications reverifications;

    @PostMapping("/{id}/require-reverification")
    String require(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        FormErrors.attempt(redirect, "risk.alert.reverificationRequired", () -> reverifications.require(id, reason));
        return "redirect:/risk/alerts/" + id;
    }

    @PostMapping("/require-reverification")
    String requireAll(
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        FormErrors.attempt(redirect, () -> reverifications.require(ids == null ? List.of() : ids, reason))
                .ifPresent(outcome -> {
                    redirect.addFlashAttribute("flashSuccess", "risk.alert.bulkRequired");
                    redirect.addFlashAttribute("flashArgs", new Object[] {
                        outcome.done().size(), outcome.skipped().size()
                    });
                });
        return "redirect:/risk/alerts";
    }
}
