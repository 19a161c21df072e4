package com.realsim.account.api;

import com.realsim.account.ApiClientService;
import com.realsim.account.ApiClientSummary;
import com.realsim.account.IssuedCredentials;
import com.realsim.account.NewApiClient;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.web.CursorPage;
import com.realsim.platform.web.Discloses;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner API, administration (ADMIN): API clients. Secrets are answered once, at creation and rotation: a repeat with
 * the same {@code Idempotency-Key} gets 409 {@code IDEMPOTENT_ANSWER_NOT_REPEATED}, never the secret again.
 */
@RestController
@Tag(
        name = "API clients",
        description = "Partner platforms' OAuth 2.0 clients: each acts as one role and, for agents and enterprise "
                + "admins, one organisation; secrets are shown once.")
@RequestMapping("/api/v1/api-clients")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor
class ApiClientApi {

    private final ApiClientService clients;

    record CreateClient(
            @NotBlank @Size(max = 200) String name, @NotNull Role role, Long agentId, Long enterpriseId) {}

    record Credentials(long id, String clientId, String clientSecret) {
        static Credentials of(IssuedCredentials issued) {
            return new Credentials(issued.id(), issued.clientId(), issued.clientSecret());
        }
    }

    @PostMapping
    @Discloses(Discloses.Repeat.NEVER)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Credentials> createApiClient(@Valid @RequestBody CreateClient request) {
        IssuedCredentials issued = clients.create(
                new NewApiClient(request.name(), request.role(), request.agentId(), request.enterpriseId()),
                CurrentActor.get());
        return ResponseEntity.created(URI.create("/api/v1/api-clients/" + issued.id()))
                .body(Credentials.of(issued));
    }

    @GetMapping
    CursorPage<ApiClientSummary> listApiClients(
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor) {
        return CursorPage.byId(size, cursor, clients::clients, ApiClientSummary::id);
    }

    @PostMapping("/{id}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> disableApiClient(@PathVariable long id) {
        clients.disable(id, CurrentActor.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> enableApiClient(@PathVariable long id) {
        clients.enable(id, CurrentActor.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rotate")
    @Discloses(Discloses.Repeat.NEVER)
    Credentials rotateApiClientSecret(@PathVariable long id) {
        return Credentials.of(clients.rotate(id, CurrentActor.get()));
    }
}
