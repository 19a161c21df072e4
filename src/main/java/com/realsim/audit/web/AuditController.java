package com.realsim.audit.web;

import com.realsim.audit.AuditEntry;
import com.realsim.audit.AuditQuery;
import com.realsim.audit.AuditTrail;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.web.CursorPage;
import com.realsim.platform.web.FormErrors;
import com.realsim.platform.web.PageTimes;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The audit trail in the browser: every role sees the entries of its own scope, filtered and newest first; ADMIN
 * can also recompute the hash chain.
 */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasAnyRole('ADMIN', 'OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class AuditController {

    private final AuditTrail trail;
    private final PageTimes times;
    private final ReadableEntries readable;

    @GetMapping
    String list(@ModelAttribute("filter") AuditFilter filter, BindingResult binding, Model model) {
        return page(filter, binding, model);
    }

    /** Verification only reads; it is a GET so that the result shows on the page with the list as it stands. */
    @GetMapping("/verify")
    @PreAuthorize("hasRole('ADMIN')")
    String verify(@ModelAttribute("filter") AuditFilter filter, BindingResult binding, Model model) {
        model.addAttribute("verification", trail.verify());
        return page(filter, binding, model);
    }

    private String page(AuditFilter filter, BindingResult binding, Model model) {
        model.addAttribute("targetTypes", AuditQuery.TARGET_TYPES);
        model.addAttribute("actions", trail.actions());
        model.addAttribute("entries", List.of());
        if (binding.hasErrors()) {
            return "audit/trail";
        }
        try {
            CursorPage<AuditEntry> page = trail.visible(filter.toQuery(times.zone()));
            model.addAttribute("entries", readable.rows(page.items()));
            model.addAttribute("nextUrl", page.nextCursor() == null ? null : filter.nextPage(page.nextCursor()));
        } catch (ValidationException refused) {
            FormErrors.show(refused, binding);
        }
        return "audit/trail";
    }
}
