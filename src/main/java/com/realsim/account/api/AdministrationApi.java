package com.realsim.account.api;

import com.realsim.account.AccountService;
import com.realsim.account.AgentSummary;
import com.realsim.account.NewUser;
import com.realsim.account.UserSummary;
import com.realsim.platform.Role;
import com.realsim.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Partner API, administration (ADMIN): agent organisations and browser accounts. */
@RestController
@Tag(name = "Administration", description = "Agent organisations and the accounts of people, each with one role.")
@RequestMapping("/api/v1")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor
class AdministrationApi {

    private final AccountService accounts;

    record CreateAgent(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 40) String uscc) {}

    record CreateUser(
            @NotBlank @Size(min = 3, max = 64) String username,
            @NotBlank String password,
            @NotNull Role role,
            Long agentId,
            Long enterpriseId) {

        @Override
        public String toString() {
            return "CreateUser[" + username + ", " + role + "]";
        }
    }

    record UserBody(long id, String username, Role role, Long agentId, Long enterpriseId, boolean enabled) {
        static UserBody of(UserSummary user) {
            return new UserBody(
                    user.id(), user.username(), user.role(), user.agentId(), user.enterpriseId(), user.enabled());
        }
    }

    @PostMapping("/agents")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<AgentBody> createAgent(@Valid @RequestBody CreateAgent request) {
        AgentSummary agent = accounts.createAgent(request.name(), request.uscc());
        return ResponseEntity.created(URI.create("/api/v1/agents/" + agent.id()))
                .body(AgentBody.of(agent));
    }

    @GetMapping("/agents")
    CursorPage<AgentBody> listAgents(
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor) {
        return CursorPage.byId(size, cursor, accounts::agents, AgentSummary::id).map(AgentBody::of);
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<UserBody> createUser(@Valid @RequestBody CreateUser request) {
        UserSummary user = accounts.createUser(new NewUser(
                request.username(), request.password(), request.role(), request.agentId(), request.enterpriseId()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserBody.of(user));
    }

    @GetMapping("/users")
    CursorPage<UserBody> listUsers(
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor) {
        return CursorPage.byId(size, cursor, accounts::users, UserSummary::id).map(UserBody::of);
    }
}
