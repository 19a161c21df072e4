package com.realsim.identity.web;

import com.realsim.identity.UnmaskService;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The unmask form that any module's page includes ({@code identity/unmask :: form(targetType, targetId, field)}):
 * htmx swaps the form for the clear value, for this one response only; without JavaScript a small page shows it.
 */
@Controller
@RequestMapping("/personal-data")
@PreAuthorize("hasAnyRole('OPS','ADMIN')")
@RequiredArgsConstructor
class UnmaskController {

    private final UnmaskService unmasking;
    private final MessageSource messages;

    @PostMapping("/unmask")
    String unmask(
            @RequestParam String targetType,
            @RequestParam long targetId,
            @RequestParam String field,
            @RequestParam(defaultValue = "") String reason,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("targetType", targetType);
        model.addAttribute("targetId", targetId);
        model.addAttribute("field", field);
        boolean partial = htmx != null;
        try {
            model.addAttribute("value", unmasking.unmask(targetType, targetId, field, reason));
            return partial ? "identity/unmask :: value" : "identity/unmasked";
        } catch (DomainException refused) {
            if (refused.fieldProblems().isEmpty()) {
                throw refused; // 403 and 404 answer as everywhere else
            }
            FieldProblem problem = refused.fieldProblems().get(0);
            model.addAttribute(
                    "unmaskError",
                    messages.getMessage(
                            problem.messageKey(),
                            problem.arguments(),
                            problem.messageKey(),
                            LocaleContextHolder.getLocale()));
            return partial ? "identity/unmask :: form" : "identity/unmasked";
        }
    }
}
