package com.realsim.risk.appeals;

import com.realsim.card.BlockingReason;
import com.realsim.platform.web.FormErrors;
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

/**
 * The customer's flagged cards (the enterprise admin's own, the agent's customers'): each card with an open alert, what
 * to do and by when, its re-verification case, and a form to contest (申诉) a risk suspension.
 */
@Controller
@RequestMapping("/risk/flagged")
@PreAuthorize("hasAnyRole('AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class FlaggedCardsController {

    private final FlaggedCards flagged;
    private final RiskAppeals appeals;

    @GetMapping
    String list(Model model) {
        model.addAttribute("rows", flagged.list());
        model.addAttribute("limit", FlaggedCards.LIMIT);
        return "risk/appeals/flagged";
    }

    /** The contest form of one card: the reason contested and the statement. */
    @PostMapping("/{iccid}/appeals")
    String contest(
            @PathVariable String iccid,
            @RequestParam(required = false) BlockingReason reason,
            @RequestParam(required = false) String statement,
            RedirectAttributes redirect) {
        return FormErrors.attempt(redirect, () -> appeals.file(iccid, reason, statement))
                .map(appeal -> {
                    redirect.addFlashAttribute("flashSuccess", "risk.appeal.filed");
                    return "redirect:/risk/appeals/" + appeal.id();
                })
                .orElse("redirect:/risk/flagged");
    }
}
