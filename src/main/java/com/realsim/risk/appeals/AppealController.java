package com.realsim.risk.appeals;

import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.web.FormErrors;
import java.util.List;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Appeals' pages: OPS' queue (by status; claim, release) and each appeal with its statement and the decision (grant or
 * reject with a reason); the customer (AGENT, ENTERPRISE_ADMIN) reads its own appeals and OPS' decision.
 */
@Controller
@RequestMapping("/risk/appeals")
@PreAuthorize("hasAnyRole('OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class AppealController {

    static final int PAGE = 50;

    private final RiskAppeals appeals;

    @GetMapping
    String list(
            @RequestParam(required = false) AppealStatus status,
            @RequestParam(required = false) Long after,
            Model model) {
        List<AppealView> page = appeals.list(new RiskAppeals.Filter(status, null), after, PAGE + 1);
        List<AppealView> rows = page.stream().limit(PAGE).toList();
        model.addAttribute("rows", rows);
        model.addAttribute(
                "nextUrl",
                page.size() > PAGE
                        ? ServletUriComponentsBuilder.fromCurrentRequest()
                                .replaceQueryParam("after", rows.get(PAGE - 1).id())
                                .build()
                                .toUriString()
                        : null);
        model.addAttribute("statuses", AppealStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("ops", CurrentActor.get().is(Role.OPS));
        return "risk/appeals/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        AppealView appeal = appeals.appeal(id);
        model.addAttribute("appeal", appeal);
        model.addAttribute("ops", CurrentActor.get().is(Role.OPS));
        model.addAttribute("mine", CurrentActor.get().name().equals(appeal.assignee()));
        return "risk/appeals/detail";
    }

    @PostMapping("/{id}/claim")
    @PreAuthorize("hasRole('OPS')")
    String claim(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        FormErrors.attempt(redirect, "risk.appeal.claimed", () -> appeals.claim(id));
        return back(id, back);
    }

    @PostMapping("/{id}/release")
    @PreAuthorize("hasRole('OPS')")
    String release(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        FormErrors.attempt(redirect, "risk.appeal.released", () -> appeals.release(id));
        return back(id, back);
    }

    @PostMapping("/{id}/grant")
    @PreAuthorize("hasRole('OPS')")
    String grant(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        FormErrors.attempt(redirect, "risk.appeal.granted", () -> appeals.grant(id, reason));
        return "redirect:/risk/appeals/" + id;
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('OPS')")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        FormErrors.attempt(redirect, "risk.appeal.rejected", () -> appeals.reject(id, reason));
        return "redirect:/risk/appeals/" + id;
    }

    private static String back(long id, String back) {
        return "queue".equals(back) ? "redirect:/risk/appeals" : "redirect:/risk/appeals/" + id;
    }
}
