package com.realsim.enterprise.web;

import com.realsim.account.AccountService;
import com.realsim.account.AgentSummary;
import com.realsim.enterprise.ChangeRequestFile;
import com.realsim.enterprise.EnterpriseDocumentKind;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.platform.web.FormErrors;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * OPS's review queue of registrations and change requests with their decisions, and the change request page everyone
 * involved sees. Approving a registration a colleague may not approve answers with the refusal page (its status, 403
 * for the maker); other refusals are shown on the record's page.
 */
@Controller
@PreAuthorize("hasAnyRole('AGENT', 'OPS', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class ReviewController {

    private static final String QUEUE = "redirect:/enterprises/review";

    private final EnterpriseService enterprises;
    private final AccountService accounts;
    private final Clock clock;

    @GetMapping("/enterprises/review")
    @PreAuthorize("hasRole('OPS')")
    String queue(Model model) {
        var queue = enterprises.queue();
        model.addAttribute("queue", queue);
        model.addAttribute("duplicates", enterprises.duplicates());
        model.addAttribute(
                "agentNames",
                accounts.agents().stream().collect(Collectors.toMap(AgentSummary::id, AgentSummary::name)));
        model.addAttribute(
                "oldestHours",
                queue.oldestSince() == null
                        ? null
                        : Duration.between(queue.oldestSince(), clock.instant()).toHours());
        return "enterprise/review";
    }

    @GetMapping("/enterprise-changes/{id}")
    String change(@PathVariable long id, Model model) {
        ChangeRequestFile file = enterprises.changeRequest(id);
        model.addAttribute("change", file);
        model.addAttribute("documentKinds", new EnterpriseDocumentKind[] {
            EnterpriseDocumentKind.RESPONSIBLE_ID_FRONT,
            EnterpriseDocumentKind.RESPONSIBLE_ID_BACK,
            EnterpriseDocumentKind.RESPONSIBLE_AUTHORIZATION
        });
        return "enterprise/change";
    }

    @PostMapping("/enterprise-changes/{id}/documents")
    @PreAuthorize("hasRole('AGENT')")
    String attach(
            @PathVariable long id,
            @RequestParam EnterpriseDocumentKind kind,
            @RequestParam MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        byte[] content = file.getBytes();
        FormErrors.attempt(redirect, "enterprise.documentStored", () -> enterprises.attachToChange(id, kind, content));
        return "redirect:/enterprise-changes/" + id;
    }

    @PostMapping("/enterprises/{id}/approve")
    @PreAuthorize("hasRole('OPS')")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        enterprises.approve(id);
        redirect.addFlashAttribute("flashSuccess", "enterprise.approved");
        return QUEUE;
    }

    @PostMapping("/enterprises/{id}/reject")
    @PreAuthorize("hasRole('OPS')")
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return rejected(() -> enterprises.reject(id, reason), "enterprise.rejected", "/enterprises/" + id, redirect);
    }

    @PostMapping("/enterprise-changes/{id}/approve")
    @PreAuthorize("hasRole('OPS')")
    String approveChange(@PathVariable long id, RedirectAttributes redirect) {
        return FormErrors.attempt(redirect, "enterprise.changeApproved", () -> enterprises.approveChange(id))
                ? QUEUE
                : "redirect:/enterprise-changes/" + id;
    }

    @PostMapping("/enterprise-changes/{id}/reject")
    @PreAuthorize("hasRole('OPS')")
    String rejectChange(
            @PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        String page = "/enterprise-changes/" + id;
        return rejected(() -> enterprises.rejectChange(id, reason), "enterprise.changeRejected", page, redirect);
    }

    /** A rejection leads back to the queue; a refused one stays on the record's page, saying why. */
    private static String rejected(Runnable reject, String successKey, String page, RedirectAttributes redirect) {
        return FormErrors.attempt(
                        redirect, successKey, reject, FormErrors.flashDecision(redirect, "enterprise.reasonRequired"))
                ? QUEUE
                : "redirect:" + page;
    }
}
