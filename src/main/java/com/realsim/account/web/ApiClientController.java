package com.realsim.account.web;

import com.realsim.account.AccountService;
import com.realsim.account.ApiClientService;
import com.realsim.account.IssuedCredentials;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.EnterpriseDirectory;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
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
 * ADMIN: API clients of partner platforms. A new or rotated secret is shown on the answer page itself, once, and
 * never stored anywhere in clear (not even in the session for a redirect).
 */
@Controller
@RequestMapping("/admin/api-clients")
@PreAuthorize("hasRole('ADMIN')")
class ApiClientController {

    private final ApiClientService clients;
    private final AccountService accounts;
    private final ObjectProvider<EnterpriseDirectory> enterprises;

    ApiClientController(
            ApiClientService clients, AccountService accounts, ObjectProvider<EnterpriseDirectory> enterprises) {
        this.clients = clients;
        this.accounts = accounts;
        this.enterprises = enterprises;
    }

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
            HttpServletResponse response) {
        if (!binding.hasErrors()) {
            try {
                return issued(clients.create(form.toCommand(), CurrentActor.get()), model, response);
            } catch (DomainException refused) {
                FormErrors.show(refused, binding);
            }
        }
        return page(model);
    }

    @PostMapping("/{id}/rotate")
    String rotate(@PathVariable long id, Model model, HttpServletResponse response) {
        return issued(clients.rotate(id, CurrentActor.get()), model, response);
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

    private String issued(IssuedCredentials credentials, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("credentials", credentials);
        return "account/api-client-issued";
    }

    private String page(Model model) {
        List<EnterpriseDirectory.EnterpriseOption> enterpriseOptions = enterprises.getIfAvailable() == null
                ? List.of()
                : enterprises.getObject().options();
        model.addAttribute("clients", clients.clients());
        model.addAttribute("roles", Role.values());
        model.addAttribute("agents", accounts.agents());
        model.addAttribute("enterprises", enterpriseOptions);
        return "account/api-clients";
    }
}
