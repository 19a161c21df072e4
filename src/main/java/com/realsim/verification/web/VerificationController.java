package com.realsim.verification.web;

import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.web.CursorPage;
import com.realsim.platform.web.FormErrors;
import com.realsim.platform.web.PageLinks;
import com.realsim.verification.VerificationCaseView;
import com.realsim.verification.VerificationKind;
import com.realsim.verification.VerificationService;
import com.realsim.verification.VerificationStatus;
import java.time.Clock;
import java.time.Duration;
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
 * The verification queue and a case's page. OPS work through the queue (filter, claim, release, decide); agents and
 * enterprise admins follow their own tenant's cases read-only.
 */
@Controller
@RequestMapping("/verifications")
@PreAuthorize("hasAnyRole('OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class VerificationController {

    private final VerificationService verifications;
    private final Clock clock;

    @GetMapping
    String queue(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) VerificationKind kind,
            @RequestParam(required = false) VerificationService.Assignment assigned,
            @RequestParam(required = false) String cursor,
            Model model) {
        Actor actor = CurrentActor.get();
        // waiting cases unless the filter says otherwise; "ANY" lists every status
        VerificationStatus shown =
                status == null ? VerificationStatus.PENDING_REVIEW : "ANY".equals(status) ? null : parse(status);
        VerificationService.Assignment whose =
                actor.is(Role.OPS) && assigned != null ? assigned : VerificationService.Assignment.ANYONE;
        CursorPage<VerificationCaseView> page = verifications.list(shown, kind, whose, cursor, 25);
        VerificationService.QueueSummary summary = verifications.summary();
        model.addAttribute("cases", page.items());
        model.addAttribute("summary", summary);
        model.addAttribute(
                "oldestHours",
                summary.oldestWaitingSince() == null
                        ? null
                        : Duration.between(summary.oldestWaitingSince(), clock.instant())
                                .toHours());
        model.addAttribute("status", shown == null ? "ANY" : shown.name());
        model.addAttribute("kind", kind == null ? "" : kind.name());
        model.addAttribute("assigned", whose.name());
        model.addAttribute("kinds", VerificationKind.values());
        model.addAttribute("statuses", VerificationStatus.values());
        model.addAttribute("assignments", VerificationService.Assignment.values());
        model.addAttribute("manualOnly", verifications.manualReviewOnly());
        model.addAttribute("nextUrl", PageLinks.next(page));
        return "verification/queue";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        VerificationCaseView kase = verifications.get(id);
        Actor actor = CurrentActor.get();
        model.addAttribute("kase", kase);
        model.addAttribute("submittedByMe", kase.submittedBy(actor));
        model.addAttribute("claimedByOther", kase.heldByAnother(actor));
        model.addAttribute("manualOnly", kase.findings().manualOnly());
        return "verification/detail";
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('OPS')")
    String approve(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return decided(id, "verification.approved", () -> verifications.approve(id, reason), redirect);
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('OPS')")
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return decided(id, "verification.rejected", () -> verifications.reject(id, reason), redirect);
    }

    @PostMapping("/{id}/claim")
    @PreAuthorize("hasRole('OPS')")
    String claim(@PathVariable long id, RedirectAttributes redirect) {
        attempt(redirect, "verification.claimed", () -> verifications.assign(id));
        return "redirect:/verifications/" + id;
    }

    @PostMapping("/{id}/release")
    @PreAuthorize("hasRole('OPS')")
    String release(@PathVariable long id, RedirectAttributes redirect) {
        attempt(redirect, "verification.released", () -> verifications.release(id));
        return "redirect:/verifications/" + id;
    }

    /** A decision leads back to the queue, naming the case; a refusal stays on the case's page. */
    private static String decided(long id, String successKey, Runnable decide, RedirectAttributes redirect) {
        if (!attempt(redirect, successKey, decide)) {
            return "redirect:/verifications/" + id;
        }
        redirect.addFlashAttribute("flashArgs", new Object[] {String.valueOf(id)});
        return "redirect:/verifications";
    }

    /**
     * Runs an act of the case page and flashes its outcome there. 404, 403 and SELF_APPROVAL answer as everywhere
     * else (the refusal page with its status), so that maker-checker is a 403 in pages as in the API.
     */
    private static boolean attempt(RedirectAttributes redirect, String successKey, Runnable act) {
        return FormErrors.attempt(redirect, successKey, act, refused -> {
            if (refused.code() == ErrorCode.SELF_APPROVAL) {
                throw refused;
            }
            FormErrors.flash(refused, redirect);
        });
    }

    private static VerificationStatus parse(String status) {
        try {
            return VerificationStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            return VerificationStatus.PENDING_REVIEW;
        }
    }
}
