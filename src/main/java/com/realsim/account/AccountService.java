package com.realsim.account;

import com.realsim.identity.Uscc;
import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.review.DecisionReason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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

    static final int DISPLAY_NAME_MAX = 100;

    private final AgentOrganisations agents;
    private final UserAccounts users;
    private final PasswordEncoder passwordEncoder;
    private final RoleTenancy tenancy;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;
    private final Clock clock;
    private final ChannelBlacklist blacklist;
    private final AgentHistory history;
    private final QualifiedAgents qualifications;
    private final ApiClientRegistry clientRegistry;

    @Transactional
    public AgentSummary createAgent(String name) {
        return createAgent(name, null);
    }

    /**
     * A new ACTIVE agent; its USCC, when given, must be valid, not another agent's and not on the channel blacklist
     * (422 {@code AGENT_BLACKLISTED}).
     */
    @Transactional
    public AgentSummary createAgent(String name, String uscc) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new ValidationException(new FieldProblem("name", ErrorCode.VALIDATION_FAILED, "NotBlank"));
        }
        if (agents.existsByNameIgnoreCase(clean)) {
            throw new ValidationException(new FieldProblem("name", ErrorCode.DUPLICATE, "account.agent.duplicate"));
        }
        String code =
                uscc == null || uscc.isBlank() ? null : Uscc.parse(uscc, "uscc").value();
        if (code != null && blacklist.contains(code)) {
            throw new ValidationException(
                    new FieldProblem("uscc", ErrorCode.AGENT_BLACKLISTED, "account.agent.blacklisted"));
        }
        if (code != null && agents.existsByUscc(code)) {
            throw new ValidationException(new FieldProblem("uscc", ErrorCode.DUPLICATE, "account.agent.usccTaken"));
        }
        AgentOrganisation agent = agents.save(new AgentOrganisation(clean, code, clock.instant()));
        return agents.save(agent.registered(actingActor())).summary();
    }

    /** The agent with its qualification's history, newest first; for ADMIN and OPS. */
    @Transactional(readOnly = true)
    public AgentDetails agentDetails(long agentId) {
        AgentOrganisation agent = agents.findById(agentId).orElseThrow(NotFoundException::new);
        return new AgentDetails(agent.summary(), history.of(agentId));
    }

    /** ACTIVE → SUSPENDED (ADMIN or OPS): its users and clients may read and change nothing. */
    @Transactional
    public AgentSummary suspendAgent(long agentId, String reason) {
        return changeQualification(agentId, reason, AgentOrganisation::suspend, Role.ADMIN, Role.OPS);
    }

    /** SUSPENDED → ACTIVE (ADMIN). */
    @Transactional
    public AgentSummary reinstateAgent(long agentId, String reason) {
        return changeQualification(agentId, reason, AgentOrganisation::reinstate, Role.ADMIN);
    }

    /**
     * REVOKED, for good (ADMIN): its users' browser sessions end now (their rows in PostgreSQL are deleted, so on
     * every instance), they can no longer sign in, its API clients' tokens stop (at once on this instance, within
     * {@code realsim.api.client-check-ttl} on the others) and its USCC goes on the channel blacklist. Its records stay.
     */
    @Transactional
    public AgentSummary revokeAgent(long agentId, String reason) {
        AgentSummary revoked = changeQualification(agentId, reason, AgentOrganisation::revoke, Role.ADMIN);
        if (revoked.uscc() != null) {
            blacklist.add(revoked.uscc(), agentId, revoked.statusReason(), clock.instant());
        }
        clientRegistry.forgetAllWhenTheTransactionEnds();
        users.findAllByAgentId(agentId).forEach(user -> endSessionsOf(user.username()));
        return revoked;
    }

    /** One of an agent's qualification's changes, by an actor in one of the roles, written to its history. */
    private AgentSummary changeQualification(long agentId, String reason, QualificationChange change, Role... roles) {
        Actor by = actingAs(roles); // the role first: a role that may not act hears 403 whatever the agent
        AgentOrganisation agent = agents.findById(agentId).orElseThrow(NotFoundException::new);
        history.record(
                agentId, change.apply(agent, DecisionReason.required(reason), by, clock.instant()), clock.instant());
        qualifications.forgetWhenTheTransactionEnds(agentId);
        return agents.save(agent).summary();
    }

    /** A method of {@link AgentOrganisation} that changes its qualification. */
    private interface QualificationChange {
        AgentQualificationChanged apply(AgentOrganisation agent, String reason, Actor by, java.time.Instant now);
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

    /** One account, for its page. */
    @Transactional(readOnly = true)
    public UserSummary user(long userId) {
        return users.findById(userId).orElseThrow(NotFoundException::new).summary(clock.instant());
    }

    /**
     * An ADMIN edits an account: the name of its person (field {@code displayName}, at most 100 characters, blank for
     * none), the organisation its role acts for (the role itself stays) and whether it may sign in. Moving or disabling
     * it ends its sessions, so that it acts for the new organisation only after signing in.
     */
    @Transactional
    public UserSummary editUser(
            long userId, String displayName, Long agentId, Long enterpriseId, boolean enabled, long actingUserId) {
        UserAccount user = users.findById(userId).orElseThrow(NotFoundException::new);
        if (displayName != null && displayName.strip().length() > DISPLAY_NAME_MAX) {
            throw new ValidationException(List.of(new FieldProblem(
                    "displayName", ErrorCode.VALIDATION_FAILED, "account.user.displayName.tooLong", DISPLAY_NAME_MAX)));
        }
        Long newAgent = RoleTenancy.agentOf(user.role(), agentId);
        Long newEnterprise = RoleTenancy.enterpriseOf(user.role(), enterpriseId);
        if (!Objects.equals(newAgent, user.agentId()) || !Objects.equals(newEnterprise, user.enterpriseId())) {
            List<FieldProblem> problems = tenancy.problems(user.role(), agentId, enterpriseId);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
        }
        if (!enabled && user.id() == actingUserId) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "account.user.disableSelf");
        }
        user.rename(displayName, actingActor());
        boolean moved = user.moveTo(newAgent, newEnterprise, actingActor());
        boolean disabled = !enabled && user.enabled();
        if (enabled) {
            user.enable(actingActor());
        } else {
            user.disable(actingActor());
        }
        users.save(user);
        if (moved || disabled) {
            endSessionsOf(user.username());
        }
        return user.summary(clock.instant());
    }

    /**
     * An ADMIN gives an account a temporary password (the password rules apply): its sessions end, any lock ends, and
     * at the next sign-in the person must choose a new password before anything else.
     */
    @Transactional
    public void resetPassword(long userId, String temporaryPassword) {
        UserAccount user = users.findById(userId).orElseThrow(NotFoundException::new);
        PasswordPolicy.check(user.username(), temporaryPassword).ifPresent(problem -> {
            throw new ValidationException(List.of(problem));
        });
        user.resetPassword(passwordEncoder.encode(temporaryPassword), actingActor());
        users.save(user);
        endSessionsOf(user.username());
    }

    /**
     * The signed-in person replaces their own password: the current one must be given, the new one must follow the
     * rules and differ from it (fields {@code currentPassword} and {@code password}).
     */
    @Transactional
    public void changeOwnPassword(long userId, String currentPassword, String newPassword) {
        UserAccount user = users.findById(userId).orElseThrow(NotFoundException::new);
        List<FieldProblem> problems = new ArrayList<>();
        if (currentPassword == null
                || currentPassword.isEmpty()
                || !passwordEncoder.matches(currentPassword, user.passwordHash())) {
            problems.add(
                    new FieldProblem("currentPassword", ErrorCode.VALIDATION_FAILED, "account.password.currentWrong"));
        }
        Optional<FieldProblem> rule = PasswordPolicy.check(user.username(), newPassword);
        rule.ifPresent(problems::add);
        if (rule.isEmpty() && newPassword.equals(currentPassword)) {
            problems.add(new FieldProblem("password", ErrorCode.VALIDATION_FAILED, "account.password.same"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        user.choosePassword(passwordEncoder.encode(newPassword));
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

    /** The acting actor, who must act in one of these roles (nobody: the system, e.g. the demo data). */
    private static Actor actingAs(Role... roles) {
        Actor actor = actingActor();
        if (actor != null && !java.util.Arrays.asList(roles).contains(actor.role())) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        return actor;
    }

    /** Who is acting, for the audit trail; nobody (the system) during the bootstrap and the demo data. */
    private static Actor actingActor() {
        return CurrentActor.find().orElse(null);
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
