package com.realsim.account.web;

import com.realsim.account.AccountService;
import com.realsim.account.AgentSummary;
import com.realsim.platform.error.ValidationException;
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
        model.addAttribute("agents", accounts.agents());
        if (!model.containsAttribute("agentForm")) {
            model.addAttribute("agentForm", new AgentForm());
        }
        return "account/agents";
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("agentForm") AgentForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                AgentSummary agent = accounts.createAgent(form.getName(), form.getUscc());
                redirect.addFlashAttribute("flashSuccess", "account.agent.created");
                redirect.addFlashAttribute("flashArgs", new Object[] {agent.name()});
                return "redirect:/admin/agents";
            } catch (ValidationException refused) {
                FormErrors.show(refused, binding);
            }
        }
        model.addAttribute("agents", accounts.agents());
        return "account/agents";
    }
}
