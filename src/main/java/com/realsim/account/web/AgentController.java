package com.realsim.account.web;

import com.realsim.account.AccountService;
import com.realsim.platform.web.FormErrors;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN: the agent organisations (sales channels) and a form to add one. */
@Controller
@RequestMapping("/admin/agents")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor
class AgentController {

    private final AccountService accounts;

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("agentForm")) {
            model.addAttribute("agentForm", new AgentForm());
        }
        return page(model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("agentForm") AgentForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormErrors.attemptValid(binding, () -> accounts.createAgent(form.getName(), form.getUscc()))
                .map(agent -> FormErrors.succeeded(redirect, "/admin/agents", "account.agent.created", agent.name()))
                .orElseGet(() -> page(model));
    }

    private String page(Model model) {
        model.addAttribute("agents", accounts.agents());
        return "account/agents";
    }
}
