package com.realsim.enterprise.web;

import com.realsim.enterprise.ChangeRequestFile;
import com.realsim.enterprise.EnterpriseDocumentKind;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.web.FormErrors;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** OPS's review queue of registrations and change requests, and the change request page everyone involved sees. */
@Controller
@PreAuthorize("hasAnyRole('AGENT', 'OPS', 'ENTERPRISE_ADMIN')")
class ReviewController {

    private final EnterpriseService enterprises;
    private final Clock clock;

    ReviewController(EnterpriseService enterprises, Clock clock) {
        this.enterprises = enterprises;
        this.clock = clock;
    }

    @GetMapping("/enterprises/review")
    @PreAuthorize("hasRole('OPS')")
    String queue(Model model) {
        var queue = enterprises.queue();
        model.addAttribute("queue", queue);
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
        try {
            enterprises.attachToChange(id, kind, file.getBytes());
            redirect.addFlashAttribute("flashSuccess", "enterprise.documentStored");
        } catch (DomainException refused) {
            FormErrors.flash(refused, redirect);
        }
        return "redirect:/enterprise-changes/" + id;
    }

    @PostMapping("/enterprise-changes/{id}/approve")
    @PreAuthorize("hasRole('OPS')")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        try {
            enterprises.approveChange(id);
            redirect.addFlashAttribute("flashSuccess", "enterprise.changeApproved");
            return "redirect:/enterprises/review";
        } catch (DomainException refused) {
            FormErrors.flash(refused, redirect);
            return "redirect:/enterprise-changes/" + id;
        }
    }

    @PostMapping("/enterprise-changes/{id}/reject")
    @PreAuthorize("hasRole('OPS')")
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            enterprises.rejectChange(id, reason);
            redirect.addFlashAttribute("flashSuccess", "enterprise.changeRejected");
            return "redirect:/enterprises/review";
        } catch (DomainException refused) {
            FormErrors.rethrowUnlessForTheUser(refused);
            redirect.addFlashAttribute("flashError", "enterprise.reasonRequired");
            return "redirect:/enterprise-changes/" + id;
        }
    }
}
