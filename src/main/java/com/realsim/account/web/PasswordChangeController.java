package com.realsim.account.web;

import com.realsim.account.AccountService;
import com.realsim.account.AccountUserDetails;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every signed-in person's own password: after an ADMIN reset it, {@link PasswordChangeRequired} sends them here
 * until they have chosen a new one; the session's principal then no longer carries the demand.
 */
@Controller
@RequestMapping(PasswordChangeController.PATH)
@PreAuthorize("isAuthenticated()")
@RequiredArgsConstructor
class PasswordChangeController {

    static final String PATH = "/account/password";

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final AccountService accounts;

    @GetMapping
    String form(Model model) {
        model.addAttribute("passwordForm", new PasswordForm());
        return page(model);
    }

    @PostMapping
    String change(
            @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult binding,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        boolean changed = FormErrors.attempt(binding, () -> {
                    accounts.changeOwnPassword(CurrentActor.get().id(), form.getCurrentPassword(), form.getPassword());
                    return Boolean.TRUE;
                })
                .isPresent();
        if (!changed) {
            return page(model);
        }
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof AccountUserDetails user) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    user.withPasswordChosen(), null, signedIn.getAuthorities()));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
        redirect.addFlashAttribute("flashSuccess", "account.password.changed");
        return "redirect:/";
    }

    private static String page(Model model) {
        model.addAttribute("mustChange", PasswordChangeRequired.pending());
        return "account/password";
    }
}
