package com.realsim.account;

import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agent organisations and accounts: what an ADMIN does with them, and what other modules may ask. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AccountService {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final AgentOrganisations agents;
    private final UserAccounts users;
    private final PasswordEncoder passwordEncoder;
    private final RoleTenancy tenancy;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;
    private final Clock clock;

    @Transactional
    public AgentSummary createAgent(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new ValidationException(new FieldProblem("name", ErrorCode.VALIDATION_FAILED, "NotBlank"));
        }
        if (agents.existsByNameIgnoreCase(clean)) {
            throw new ValidationException(new FieldProblem("name", ErrorCode.DUPLICATE, "account.agent.duplicate"));
        }
        AgentOrganisation agent = agents.save(new AgentOrganisation(clean, clock.instant()));
        return agents.save(agent.registered(actingActor())).summary();
    }

    @Transactional(readOnly = true)
    public List<AgentSummary> agents() {
        return agents.findAllByOrderByNameAsc().stream()
                .map(AgentOrganisation::summary)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<AgentSummary> agent(long agentId) {
        return agents.findById(agentId).map(AgentOrganisation::summary);
    }

    @Transactional
    public UserSummary createUser(NewUser command) {
        String username = normalise(command.username());
        List<FieldProblem> problems = new ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(new FieldProblem("username", ErrorCode.VALIDATION_FAILED, "account.username.format"));
        } else if (users.existsByUsername(username)) {
            problems.add(new FieldProblem("username", ErrorCode.DUPLICATE, "account.username.taken"));
        }
        PasswordPolicy.check(username, command.password()).ifPresent(problems::add);
        problems.addAll(tenancy.problems(command.role(), command.agentId(), command.enterpriseId()));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        UserAccount user = users.save(new UserAccount(
                username,
                passwordEncoder.encode(command.password()),
                command.role(),
                RoleTenancy.agentOf(command.role(), command.agentId()),
                RoleTenancy.enterpriseOf(command.role(), command.enterpriseId()),
                clock.instant()));
        return users.save(user.registered(actingActor())).summary(clock.instant());
    }

    /** One page of accounts, newest first, after the given id (keyset pagination). */
    @Transactional(readOnly = true)
    public List<UserSummary> users(Long afterId, int limit) {
        var now = clock.instant();
        return users.newestAfter(afterId, limit).stream()
                .map(u -> u.summary(now))
                .toList();
    }

    /** One page of agent organisations, newest first, after the given id (keyset pagination). */
    @Transactional(readOnly = true)
    public List<AgentSummary> agents(Long afterId, int limit) {
        return agents.newestAfter(afterId, limit).stream()
                .map(AgentOrganisation::summary)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<UserSummary> users() {
        var now = clock.instant();
        return users.findAllByOrderByUsernameAsc().stream()
                .map(u -> u.summary(now))
                .toList();
    }

    /** Disables the account and ends every session it has, at once. */
    @Transactional
    public void disableUser(long userId, long actingUserId) {
        UserAccount user = users.findById(userId).orElseThrow(NotFoundException::new);
        if (user.id() == actingUserId) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "account.user.disableSelf");
        }
        user.disable(actingActor());
        users.save(user);
        endSessionsOf(user.username());
    }

    @Transactional
    public void enableUser(long userId) {
        UserAccount user = users.findById(userId).orElseThrow(NotFoundException::new);
        user.enable(actingActor());
        user.unlock(actingActor());
        users.save(user);
    }

    @Transactional
    public void unlockUser(long userId) {
        UserAccount user = users.findById(userId).orElseThrow(NotFoundException::new);
        user.unlock(actingActor());
        users.save(user);
    }

    @Transactional(readOnly = true)
    public boolean anyAdministrator() {
        return users.existsByRole(Role.ADMIN);
    }

    @Transactional(readOnly = true)
    public boolean userExists(String username) {
        return users.existsByUsername(normalise(username));
    }

    private void endSessionsOf(String username) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository != null) {
            repository.findByPrincipalName(username).keySet().forEach(repository::deleteById);
        }
    }

    /** Who is acting, for the audit trail; nobody (the system) during the bootstrap and the demo data. */
    private static Actor actingActor() {
        return CurrentActor.find().orElse(null);
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
