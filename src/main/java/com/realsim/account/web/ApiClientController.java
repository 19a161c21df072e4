package com.realsim.account.web;

import com.realsim.account.AccountService;
import com.realsim.account.AgentSummary;
import com.realsim.account.ApiClientService;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.EnterpriseDirectory;
import com.realsim.platform.Role;
import com.realsim.platform.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
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
 * ADMIN: API clients of partner platforms. Creating a client or rotating its secret redirects to a page that shows
 * the secret once (post-redirect-get, the secret sealed in the flash map: {@link IssuedCredentialsFlash}); reloading
 * that page creates nothing and shows the secret no more.
 */
@Controller
@RequestMapping("/admin/api-clients")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor
class ApiClientController {

    private final ApiClientService clients;
    private final AccountService accounts;
    private final ObjectProvider<EnterpriseDirectory> enterprises;
    private final IssuedCredentialsFlash issued;

    @GetMapping
    String list(Model model) {
        model.addAttribute("apiClientForm", new ApiClientForm());
        return page(model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("apiClientForm") ApiClientForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormErrors.attemptValid(binding, () -> clients.create(form.toCommand(), CurrentActor.get()))
                .map(created -> {
                    issued.put(redirect, created, false);
                    return "redirect:/admin/api-clients/issued";
                })
                .orElseGet(() -> page(model));
    }

    @PostMapping("/{id}/rotate")
    String rotate(@PathVariable long id, RedirectAttributes redirect) {
        issued.put(redirect, clients.rotate(id, CurrentActor.get()), true);
        return "redirect:/admin/api-clients/issued";
    }

    /** The credentials just issued, once; on a reload, only that they were shown. Never cached by the browser. */
    @GetMapping("/issued")
    String showIssued(Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        issued.take(model).ifPresent(credentials -> model.addAttribute("issued", credentials));
        model.asMap().remove(IssuedCredentialsFlash.ATTRIBUTE);
        return "account/api-client-issued";
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        clients.disable(id, CurrentActor.get());
        redirect.addFlashAttribute("flashSuccess", "account.client.disabled");
        return "redirect:/admin/api-clients";
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        clients.enable(id, CurrentActor.get());
        redirect.addFlashAttribute("flashSuccess", "account.client.enabled");
        return "redirect:/admin/api-clients";
    }

    private String page(Model model) {
        List<EnterpriseDirectory.EnterpriseOption> enterpriseOptions = enterprises.getIfAvailable() == null
                ? List.of()
                : enterprises.getObject().options();
        List<AgentSummary> agents = accounts.agents();
        model.addAttribute("clients", clients.clients());
        model.addAttribute("roles", Role.values());
        model.addAttribute("agents", agents);
        model.addAttribute("enterprises", enterpriseOptions);
        model.addAttribute(
                "agentNames", agents.stream().collect(Collectors.toMap(AgentSummary::id, AgentSummary::name)));
        model.addAttribute(
                "enterpriseNames",
                enterpriseOptions.stream()
                        .collect(Collectors.toMap(
                                EnterpriseDirectory.EnterpriseOption::id, EnterpriseDirectory.EnterpriseOption::name)));
        return "account/api-clients";
    }
}
