package com.realsim.enterprise.web;

import com.realsim.enterprise.CertificateType;
import com.realsim.enterprise.ChangeRequestView;
import com.realsim.enterprise.EnterpriseDocumentKind;
import com.realsim.enterprise.EnterpriseFile;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseStatus;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.identity.IdType;
import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.web.CursorPage;
import com.realsim.platform.web.FormErrors;
import com.realsim.platform.web.PageLinks;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Enterprise pages: the list, the guided registration (details and responsible person, then documents, then
 * submit), the record with its decision and history, and change requests. Agents work on their own; OPS see all;
 * an enterprise admin sees their own enterprise.
 */
@Controller
@RequestMapping("/enterprises")
@PreAuthorize("hasAnyRole('AGENT', 'OPS', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class EnterpriseController {

    private final EnterpriseService enterprises;

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("certificateTypes", CertificateType.values());
        model.addAttribute("idTypes", IdType.values());
        model.addAttribute("statuses", EnterpriseStatus.values());
    }

    @GetMapping
    String list(
            @RequestParam(required = false) EnterpriseStatus status,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String uscc,
            @RequestParam(required = false) String cursor,
            Model model) {
        Actor actor = CurrentActor.get();
        if (actor.is(Role.ENTERPRISE_ADMIN)) {
            return "redirect:/enterprises/" + actor.enterpriseId();
        }
        CursorPage<EnterpriseView> page = new CursorPage<>(List.of(), null);
        try {
            page = enterprises.list(status, name, uscc, cursor, null);
        } catch (ValidationException refused) {
            model.addAttribute("usccError", refused.fieldProblems().get(0).messageKey());
        }
        model.addAttribute("page", page);
        model.addAttribute("status", status);
        model.addAttribute("name", name);
        model.addAttribute("uscc", uscc);
        model.addAttribute("nextUrl", PageLinks.next(page));
        return "enterprise/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('AGENT')")
    String newRegistration(Model model) {
        model.addAttribute("form", new RegistrationForm());
        return "enterprise/form";
    }

    @PostMapping
    @PreAuthorize("hasRole('AGENT')")
    String register(@ModelAttribute("form") RegistrationForm form, BindingResult binding, RedirectAttributes redirect) {
        return FormErrors.attempt(binding, () -> enterprises.register(form.toInput()))
                .map(created -> saved("enterprise.drafted", created.id(), redirect))
                .orElse("enterprise/form");
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasRole('AGENT')")
    String edit(@PathVariable long id, Model model) {
        EnterpriseView enterprise = enterprises.get(id);
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("form", RegistrationForm.of(enterprise));
        return "enterprise/form";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('AGENT')")
    String correct(
            @PathVariable long id,
            @ModelAttribute("form") RegistrationForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormErrors.attempt(binding, () -> enterprises.correct(id, form.toInput()))
                .map(corrected -> saved("enterprise.saved", id, redirect))
                .orElseGet(() -> {
                    model.addAttribute("enterprise", enterprises.get(id));
                    return "enterprise/form";
                });
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        EnterpriseFile file = enterprises.file(id);
        model.addAttribute("file", file);
        model.addAttribute("enterprise", file.enterprise());
        model.addAttribute("documentKinds", EnterpriseDocumentKind.values());
        if (!model.containsAttribute("detailsChange")) {
            ChangeForms.DetailsChange details = new ChangeForms.DetailsChange();
            details.setName(file.enterprise().name());
            details.setCertificateAddress(file.enterprise().certificateAddress());
            model.addAttribute("detailsChange", details);
        }
        if (!model.containsAttribute("personChange")) {
            model.addAttribute("personChange", new ChangeForms.PersonChange());
        }
        return "enterprise/detail";
    }

    @PostMapping("/{id}/documents")
    @PreAuthorize("hasRole('AGENT')")
    String attach(
            @PathVariable long id,
            @RequestParam EnterpriseDocumentKind kind,
            @RequestParam MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        byte[] content = file.getBytes();
        FormErrors.attempt(redirect, "enterprise.documentStored", () -> enterprises.attach(id, kind, content));
        return "redirect:/enterprises/" + id + "#documents";
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasRole('AGENT')")
    String submit(@PathVariable long id, RedirectAttributes redirect) {
        FormErrors.attempt(redirect, "enterprise.submitted", () -> enterprises.submit(id));
        return "redirect:/enterprises/" + id;
    }

    @PostMapping("/{id}/change-requests/details")
    @PreAuthorize("hasRole('AGENT')")
    String requestDetailsChange(
            @PathVariable long id,
            @ModelAttribute("detailsChange") ChangeForms.DetailsChange form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return changeRequested(
                FormErrors.attempt(
                        binding,
                        () -> enterprises.requestDetailsChange(
                                id,
                                form.getName(),
                                form.getCertificateAddress(),
                                form.getLegalRepresentative(),
                                form.getReason())),
                id,
                model,
                redirect);
    }

    @PostMapping("/{id}/change-requests/responsible-person")
    @PreAuthorize("hasRole('AGENT')")
    String requestPersonChange(
            @PathVariable long id,
            @ModelAttribute("personChange") ChangeForms.PersonChange form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return changeRequested(
                FormErrors.attempt(
                        binding,
                        () -> enterprises.requestResponsiblePersonChange(
                                id, form.getResponsiblePerson().toInput(), form.getReason())),
                id,
                model,
                redirect);
    }

    private static String saved(String successKey, long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flashSuccess", successKey);
        return "redirect:/enterprises/" + id;
    }

    /** A change request leads to its page; a refused one shows the enterprise's page with the form's errors. */
    private String changeRequested(
            Optional<ChangeRequestView> request, long id, Model model, RedirectAttributes redirect) {
        if (request.isEmpty()) {
            return show(id, model);
        }
        redirect.addFlashAttribute("flashSuccess", "enterprise.changeRequested");
        return "redirect:/enterprise-changes/" + request.get().id();
    }
}
