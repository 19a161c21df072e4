package com.realsim.account.api;

import com.realsim.account.AccountService;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Partner API, agents' qualification: ADMIN and OPS read and suspend; only ADMIN reinstates and revokes. */
@RestController
@Tag(name = "Agents' qualification", description = "Suspend, reinstate and revoke agent organisations.")
@RequestMapping("/api/v1/agents/{id}")
@PreAuthorize("hasAnyRole('ADMIN', 'OPS')")
@RequiredArgsConstructor
class AgentQualificationApi {

    private final AccountService accounts;

    record Reason(@NotBlank @Size(max = 1000) String reason) {}

    @GetMapping
    AgentBody getAgent(@PathVariable long id) {
        return AgentBody.of(accounts.agentDetails(id).agent());
    }

    @PostMapping("/suspend")
    AgentBody suspendAgent(@PathVariable long id, @Valid @RequestBody Reason request) {
        return AgentBody.of(accounts.suspendAgent(id, request.reason()));
    }

    @PostMapping("/reinstate")
    @PreAuthorize("hasRole('ADMIN')")
    AgentBody reinstateAgent(@PathVariable long id, @Valid @RequestBody Reason request) {
        return AgentBody.of(accounts.reinstateAgent(id, request.reason()));
    }

    @PostMapping("/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    AgentBody revokeAgent(@PathVariable long id, @Valid @RequestBody Reason request) {
        return AgentBody.of(accounts.revokeAgent(id, request.reason()));
    }
}
