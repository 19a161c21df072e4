package com.realsim.account.api;

import com.realsim.account.CustomerHandOver;
import com.realsim.platform.HandOverStep.Moved;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner API, hand-over: the ADMIN hands a suspended or revoked agent's customers to an ACTIVE agent; the ADMIN, or
 * the agent that holds it, hands one enterprise to another ACTIVE agent. The service checks the body (field errors
 * name {@code reason} and {@code toAgentId}).
 */
@RestController
@Tag(name = "Agents' qualification", description = "Suspend, reinstate and revoke agent organisations.")
@RequiredArgsConstructor
class HandOverApi {

    private final CustomerHandOver handOvers;

    record HandOverRequest(Long toAgentId, String reason) {}

    record HandOverAnswer(long enterprises, long cards, long ordersCancelled) {

        static HandOverAnswer of(Moved moved) {
            return new HandOverAnswer(moved.enterprises(), moved.cards(), moved.ordersCancelled());
        }
    }

    @PostMapping("/api/v1/agents/{id}/hand-over")
    @PreAuthorize("hasRole('ADMIN')")
    HandOverAnswer handOverAgentCustomers(@PathVariable long id, @RequestBody HandOverRequest request) {
        return HandOverAnswer.of(handOvers.handOverAgent(id, request.toAgentId(), request.reason()));
    }

    @PostMapping("/api/v1/enterprises/{id}/hand-over")
    @PreAuthorize("hasAnyRole('ADMIN', 'AGENT')")
    HandOverAnswer handOverEnterprise(@PathVariable long id, @RequestBody HandOverRequest request) {
        return HandOverAnswer.of(handOvers.handOverEnterprise(id, request.toAgentId(), request.reason()));
    }
}
