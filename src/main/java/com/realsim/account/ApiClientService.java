package com.realsim.account;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API clients: an ADMIN creates, lists, disables, enables and rotates them; secrets are shown once. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ApiClientService {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,99}");
    private static final SecureRandom random = new SecureRandom();

    private final ApiClients clients;
    private final RoleTenancy tenancy;
    private final PasswordEncoder passwordEncoder;
    private final ApiClientRegistry registry;
    private final Clock clock;

    /** Creates a client with a generated id and secret; the answer is the only time the secret is shown. */
    @Transactional
    public IssuedCredentials create(NewApiClient command, Actor by) {
        String clientId =
                "rs-" + randomToken(12).toLowerCase(java.util.Locale.ROOT).replace('_', 'x');
        return create(command, clientId, randomToken(32), by);
    }

    /** The bootstrap client from the environment: given id and secret, created only when the id is unknown. */
    @Transactional
    public boolean createIfAbsent(String clientId, String secret, String name) {
        if (clients.existsByClientId(clientId)) {
            return false;
        }
        create(new NewApiClient(name, Role.ADMIN, null, null), clientId, secret, null);
        return true;
    }

    /** One page of clients, newest first, after the given id (keyset pagination). */
    @Transactional(readOnly = true)
    public List<ApiClientSummary> clients(Long afterId, int limit) {
        return clients.newestAfter(afterId, limit).stream()
                .map(ApiClient::summary)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<ApiClientSummary> clients() {
        return clients.findAllByOrderByCreatedAtDesc().stream()
                .map(ApiClient::summary)
                .toList();
    }

    @Transactional
    public void disable(long id, Actor by) {
        ApiClient client = clients.findById(id).orElseThrow(NotFoundException::new);
        client.disable(by, clock.instant());
        clients.save(client);
        registry.forgetWhenTheTransactionEnds(client.clientId());
    }

    @Transactional
    public void enable(long id, Actor by) {
        ApiClient client = clients.findById(id).orElseThrow(NotFoundException::new);
        client.enable(by);
        clients.save(client);
        registry.forgetWhenTheTransactionEnds(client.clientId());
    }

    /**
     * A new secret, shown once; the old secret and every token issued under it stop working at once on this instance,
     * and within {@code realsim.api.client-check-ttl} on the others.
     */
    @Transactional
    public IssuedCredentials rotate(long id, Actor by) {
        ApiClient client = clients.findById(id).orElseThrow(NotFoundException::new);
        String secret = randomToken(32);
        client.rotate(passwordEncoder.encode(secret), by, clock.instant());
        clients.save(client);
        registry.forgetWhenTheTransactionEnds(client.clientId());
        return new IssuedCredentials(client.id(), client.clientId(), secret);
    }

    private IssuedCredentials create(NewApiClient command, String clientId, String secret, Actor by) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("name", ErrorCode.VALIDATION_FAILED, "NotBlank"));
        }
        if (!CLIENT_ID.matcher(clientId).matches()) {
            problems.add(new FieldProblem("clientId", ErrorCode.VALIDATION_FAILED, "account.client.idFormat"));
        }
        if (secret == null || secret.length() < 16) {
            problems.add(new FieldProblem("clientSecret", ErrorCode.VALIDATION_FAILED, "account.client.secretLength"));
        }
        problems.addAll(tenancy.problems(command.role(), command.agentId(), command.enterpriseId()));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        ApiClient client = clients.save(new ApiClient(
                clientId,
                name,
                passwordEncoder.encode(secret),
                command.role(),
                RoleTenancy.agentOf(command.role(), command.agentId()),
                RoleTenancy.enterpriseOf(command.role(), command.enterpriseId()),
                by == null ? "bootstrap" : by.name(),
                clock.instant()));
        clients.save(client.registered(by));
        return new IssuedCredentials(client.id(), clientId, secret);
    }

    private static String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
