package com.realsim.account.web;

import com.realsim.account.AccountService;
import com.realsim.account.CustomerHandOver;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One agent's page: its qualification and history. ADMIN and OPS suspend; ADMIN reinstates and revokes (the service
 * refuses OPS with 403), and hands a suspended or revoked agent's customers over to an ACTIVE agent.
 */
@Controller
@RequestMapping("/admin/agents/{id}")
@PreAuthorize("hasAnyRole('ADMIN', 'OPS')")
@RequiredArgsConstructor
class AgentQualificationController {

    private final AccountService accounts;
    private final CustomerHandOver handOvers;

    @GetMapping
    String show(@PathVariable long id, Model model) {
        if (!model.containsAttribute("handOverForm")) {
            model.addAttribute("handOverForm", new HandOverForm());
        }
        return page(id, model);
    }

    /** ADMIN: every enterprise of this (suspended or revoked) agent goes to the chosen ACTIVE agent. */
    @PostMapping("/hand-over")
    @PreAuthorize("hasRole('ADMIN')")
    String handOver(
            @PathVariable long id,
            @ModelAttribute("handOverForm") HandOverForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return page(id, model);
        }
        return FormErrors.attempt(binding, () -> handOvers.handOverAgent(id, form.getToAgentId(), form.getReason()))
                .map(moved -> FormErrors.succeeded(
                        redirect,
                        "/admin/agents/" + id,
                        "account.handOver.done",
                        moved.enterprises(),
                        moved.cards(),
                        moved.ordersCancelled()))
                .orElseGet(() -> page(id, model));
    }

    private String page(long id, Model model) {
        model.addAttribute("details", accounts.agentDetails(id));
        model.addAttribute(
                "handOverTargets",
                accounts.agents().stream()
                        .filter(agent -> agent.active() && agent.id() != id)
                        .toList());
        return "account/agent";
    }

    /** Suspend, reinstate or revoke (the last step of the path), with a reason. */
    @PostMapping({"/suspend", "/reinstate", "/revoke"})
    String change(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        String action =
                request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
        Runnable change = switch (action) {
            case "suspend" -> () -> accounts.suspendAgent(id, reason);
            case "reinstate" -> () -> accounts.reinstateAgent(id, reason);
            case "revoke" -> () -> accounts.revokeAgent(id, reason);
            default -> throw new NotFoundException();
        };
        FormErrors.attempt(
                redirect,
                "account.agent.done." + action,
                change,
                FormErrors.flashDecision(redirect, "account.agent.reasonNeeded"));
        return "redirect:/admin/agents/" + id;
    }
}
