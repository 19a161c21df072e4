package com.realsim.account.web;

import com.realsim.account.AccountService;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.EnterpriseDirectory;
import com.realsim.platform.Role;
import com.realsim.platform.web.FormErrors;
import jakarta.validation.Valid;
import java.util.List;
import java.util.stream.Collectors;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * ADMIN: accounts, a form to open one for any role, and disabling, enabling and unlocking; an account's page to move
 * it to another organisation of its role, disable or enable it, and reset its password (the person must choose a new
 * one at the next sign-in).
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor
class UserController {

    private final AccountService accounts;
    private final ObjectProvider<EnterpriseDirectory> enterprises;

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("userForm")) {
            model.addAttribute("userForm", new UserForm());
        }
        return page(model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("userForm") UserForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormErrors.attemptValid(binding, () -> accounts.createUser(form.toCommand()))
                .map(user -> FormErrors.succeeded(redirect, "/admin/users", "account.user.created", user.username()))
                .orElseGet(() -> page(model));
    }

    @GetMapping("/{id}")
    String user(@PathVariable long id, Model model) {
        if (!model.containsAttribute("userEditForm")) {
            model.addAttribute("userEditForm", UserEditForm.of(accounts.user(id)));
        }
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm());
        }
        return userPage(id, model);
    }

    @PostMapping("/{id}")
    String edit(
            @PathVariable long id,
            @ModelAttribute("userEditForm") UserEditForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormErrors.attempt(
                        binding,
                        () -> accounts.editUser(
                                id,
                                form.getDisplayName(),
                                form.getAgentId(),
                                form.getEnterpriseId(),
                                form.isEnabled(),
                                CurrentActor.get().id()))
                .map(user ->
                        FormErrors.succeeded(redirect, "/admin/users/" + id, "account.user.saved", user.username()))
                .orElseGet(() -> {
                    model.addAttribute("passwordForm", new PasswordForm());
                    return userPage(id, model);
                });
    }

    @PostMapping("/{id}/password")
    String resetPassword(
            @PathVariable long id,
            @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormErrors.attempt(binding, () -> {
                    accounts.resetPassword(id, form.getPassword());
                    return accounts.user(id);
                })
                .map(user -> FormErrors.succeeded(
                        redirect, "/admin/users/" + id, "account.user.passwordReset", user.username()))
                .orElseGet(() -> {
                    model.addAttribute("userEditForm", UserEditForm.of(accounts.user(id)));
                    return userPage(id, model);
                });
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        accounts.disableUser(id, CurrentActor.get().id());
        redirect.addFlashAttribute("flashSuccess", "account.user.disabled");
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        accounts.enableUser(id);
        redirect.addFlashAttribute("flashSuccess", "account.user.enabled");
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        accounts.unlockUser(id);
        redirect.addFlashAttribute("flashSuccess", "account.user.unlocked");
        return "redirect:/admin/users";
    }

    private String userPage(long id, Model model) {
        model.addAttribute("user", accounts.user(id));
        organisations(model);
        return "account/user";
    }

    private void organisations(Model model) {
        var agents = accounts.agents();
        List<EnterpriseDirectory.EnterpriseOption> enterpriseOptions = enterprises.getIfAvailable() == null
                ? List.of()
                : enterprises.getObject().options();
        model.addAttribute("agents", agents);
        model.addAttribute("enterprises", enterpriseOptions);
    }

    private String page(Model model) {
        var agents = accounts.agents();
        List<EnterpriseDirectory.EnterpriseOption> enterpriseOptions = enterprises.getIfAvailable() == null
                ? List.of()
                : enterprises.getObject().options();
        model.addAttribute("users", accounts.users());
        model.addAttribute("roles", Role.values());
        model.addAttribute("agents", agents);
        model.addAttribute("enterprises", enterpriseOptions);
        model.addAttribute("agentNames", agents.stream().collect(Collectors.toMap(a -> a.id(), a -> a.name())));
        model.addAttribute(
                "enterpriseNames",
                enterpriseOptions.stream()
                        .collect(Collectors.toMap(
                                EnterpriseDirectory.EnterpriseOption::id, EnterpriseDirectory.EnterpriseOption::name)));
        return "account/users";
    }
}
