package com.realsim.approval.web;

import com.realsim.approval.CardEligibility;
import com.realsim.approval.ExceptionFile;
import com.realsim.approval.ExceptionFilter;
import com.realsim.approval.ExceptionKind;
import com.realsim.approval.ExceptionService;
import com.realsim.approval.ExceptionStatus;
import com.realsim.approval.ExceptionView;
import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.EnterpriseDirectory;
import com.realsim.platform.Role;
import com.realsim.platform.web.Age;
import com.realsim.platform.web.CursorPage;
import com.realsim.platform.web.FormErrors;
import com.realsim.platform.web.PageLinks;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Exception pages. Agents request an exception for a card ({@code /exceptions/new?iccid=…}, linked from the card
 * page), upload the signed approval document and follow their requests; OPS work through the queue (filters, counts,
 * claim and release) and decide on the request page; enterprise admins read the requests for their enterprise's cards.
 */
@Controller
@RequestMapping("/exceptions")
@PreAuthorize("hasAnyRole('AGENT', 'OPS', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class ExceptionController {

    private final ExceptionService exceptions;
    private final ObjectProvider<EnterpriseDirectory> enterprises;
    private final Clock clock;

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("statuses", ExceptionStatus.values());
        model.addAttribute("kinds", ExceptionKind.values());
    }

    /** OPS: the queue, pending requests oldest first by default. Others: their requests, newest first. */
    @GetMapping
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) ExceptionKind kind,
            @RequestParam(required = false) ExceptionFilter.Assignee assignee,
            @RequestParam(required = false) String cursor,
            Model model) {
        Actor actor = CurrentActor.get();
        boolean ops = actor.is(Role.OPS);
        // OPS open the queue on the pending requests; "ANY" shows every status
        ExceptionStatus chosen =
                status == null || status.isBlank() ? (ops ? ExceptionStatus.PENDING : null) : parse(status);
        ExceptionFilter filter = new ExceptionFilter(chosen, kind, ops ? assignee : null, ops);
        CursorPage<ExceptionView> page = exceptions.list(filter, cursor, null);
        Instant now = clock.instant();
        model.addAttribute("page", page);
        model.addAttribute(
                "rows",
                page.items().stream()
                        .map(r -> new QueueRow(
                                r,
                                Age.of(Duration.between(r.requestedAt(), r.decidedAt() == null ? now : r.decidedAt()))))
                        .toList());
        model.addAttribute("status", chosen == null ? "ANY" : chosen.name());
        model.addAttribute("kind", kind);
        model.addAttribute("assignee", assignee);
        var summary = exceptions.summary();
        model.addAttribute("summary", summary);
        model.addAttribute("oldestAge", Age.of(summary.oldestPendingAge(now)));
        model.addAttribute("nextUrl", PageLinks.next(page));
        return ops ? "approval/queue" : "approval/list";
    }

    /** The request form for a card; without an ICCID, a field to type one. */
    @GetMapping("/new")
    @PreAuthorize("hasRole('AGENT')")
    String newRequest(@RequestParam(required = false) String iccid, Model model) {
        RequestForm form = new RequestForm();
        if (iccid == null || iccid.isBlank()) {
            model.addAttribute("form", form);
            return "approval/new";
        }
        CardEligibility card = exceptions.eligibility(iccid);
        form.setIccid(card.iccid());
        form.setKind(card.allowed().requestableKind());
        model.addAttribute("form", form);
        return showForm(card, model);
    }

    @PostMapping
    @PreAuthorize("hasRole('AGENT')")
    String request(
            @ModelAttribute("form") RequestForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return FormErrors.attempt(binding, () -> exceptions.request(form.getIccid(), form.getKind(), form.getReason()))
                .map(created -> {
                    redirect.addFlashAttribute("flashSuccess", "approval.requested");
                    return "redirect:/exceptions/" + created.id();
                })
                .orElseGet(() -> showForm(exceptions.eligibility(form.getIccid()), model));
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        ExceptionFile file = exceptions.file(id);
        model.addAttribute("file", file);
        model.addAttribute("request", file.request());
        EnterpriseDirectory directory = enterprises.getIfAvailable();
        model.addAttribute(
                "enterpriseName",
                file.request().enterpriseId() == null || directory == null
                        ? null
                        : directory.name(file.request().enterpriseId()).orElse(null));
        model.addAttribute(
                "waiting",
                Age.of(Duration.between(
                        file.request().requestedAt(),
                        file.request().decidedAt() == null
                                ? clock.instant()
                                : file.request().decidedAt())));
        return "approval/detail";
    }

    @PostMapping("/{id}/documents")
    @PreAuthorize("hasRole('AGENT')")
    String attach(@PathVariable long id, @RequestParam MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        byte[] content = file.getBytes();
        attempt(redirect, "approval.documentStored", () -> exceptions.attachDocument(id, content));
        return "redirect:/exceptions/" + id + "#documents";
    }

    @PostMapping("/{id}/claim")
    @PreAuthorize("hasRole('OPS')")
    String claim(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        attempt(redirect, "approval.claimed", () -> exceptions.claim(id));
        return back(id, back);
    }

    @PostMapping("/{id}/release")
    @PreAuthorize("hasRole('OPS')")
    String release(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        attempt(redirect, "approval.released", () -> exceptions.release(id));
        return back(id, back);
    }

    /** Claiming and releasing lead back to where they were asked: the queue's row or the request's page. */
    private static String back(long id, String back) {
        return "queue".equals(back) ? "redirect:/exceptions" : "redirect:/exceptions/" + id;
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('OPS')")
    String approve(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return attempt(redirect, "approval.approved", () -> exceptions.approve(id, reason))
                ? "redirect:/exceptions"
                : "redirect:/exceptions/" + id;
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('OPS')")
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return attempt(redirect, "approval.rejected", () -> exceptions.reject(id, reason))
                ? "redirect:/exceptions"
                : "redirect:/exceptions/" + id;
    }

    private static ExceptionStatus parse(String status) {
        for (ExceptionStatus candidate : ExceptionStatus.values()) {
            if (candidate.name().equals(status)) {
                return candidate;
            }
        }
        return null; // "ANY", or anything else: every status
    }

    private String showForm(CardEligibility card, Model model) {
        model.addAttribute("card", card);
        model.addAttribute("possibleKind", card.allowed().requestableKind());
        return "approval/new";
    }

    /** Runs an act of the request page and flashes its outcome above the page; 404 and 403 answer as everywhere else. */
    private static boolean attempt(RedirectAttributes redirect, String successKey, Runnable act) {
        return FormErrors.attempt(
                redirect, successKey, act, FormErrors.flashDecision(redirect, "approval.reasonRequired"));
    }
}
