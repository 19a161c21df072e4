package com.realsim.account;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.DynamicUpdate;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A person's browser account: one role, and for AGENT and ENTERPRISE_ADMIN the one organisation they act for. Failed
 * sign-ins are counted and the account locked by {@link LoginThrottle}, in atomic SQL updates of those columns; this
 * entity is saved with the changed columns only ({@code @DynamicUpdate}), so that an administrator's disable or unlock
 * never writes back a count or lock read before a concurrent sign-in changed it, nor the other way round.
 */
@Entity
@DynamicUpdate
@Table(name = "user_account")
class UserAccount extends AbstractAggregateRoot<UserAccount> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Role role;

    /** The name of the person the account belongs to, or null. */
    @Column(name = "display_name")
    private String displayName;

    @Column(name = "agent_id")
    private Long agentId;

    @Column(name = "enterprise_id")
    private Long enterpriseId;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    /** Set when an ADMIN resets the password: the person must choose a new one before anything else. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected UserAccount() {}

    UserAccount(String username, String passwordHash, Role role, Long agentId, Long enterpriseId, Instant now) {
        if (role.needsAgent() != (agentId != null) || role.needsEnterprise() != (enterpriseId != null)) {
            throw new IllegalArgumentException("Role " + role + " does not fit the given organisation");
        }
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.agentId = agentId;
        this.enterpriseId = enterpriseId;
        this.createdAt = now;
    }

    UserAccount registered(Actor by) {
        registerEvent(new UserAccountCreated(id, username, role, agentId, enterpriseId, by));
        return this;
    }

    Actor actor() {
        return new Actor(Actor.Kind.USER, id, username, role, agentId, enterpriseId);
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** A refused sign-in of this account, for the audit trail: a wrong password, or the account locked or disabled. */
    SignInRefused signInRefused(String reason, Instant now) {
        return new SignInRefused(id, username, agentId, enterpriseId, reason, now);
    }

    /** This account was locked until then by too many failed sign-ins ({@link LoginThrottle} counts them in SQL). */
    UserAccountLockedOut lockedOut(Instant until) {
        return new UserAccountLockedOut(id, username, agentId, enterpriseId, until);
    }

    void unlock(Actor by) {
        if (lockedUntil != null) {
            registerEvent(new UserAccountUnlocked(id, username, agentId, enterpriseId, by));
        }
        failedLogins = 0;
        lockedUntil = null;
    }

    void disable(Actor by) {
        if (enabled) {
            enabled = false;
            registerEvent(new UserAccountDisabled(id, username, agentId, enterpriseId, by));
        }
    }

    void enable(Actor by) {
        if (!enabled) {
            enabled = true;
            registerEvent(new UserAccountEnabled(id, username, agentId, enterpriseId, by));
        }
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    /**
     * An ADMIN moves the account to another organisation of the kind its role needs (the role stays); the caller has
     * checked that the organisation fits the role.
     *
     * @return whether anything changed
     */
    boolean moveTo(Long newAgentId, Long newEnterpriseId, Actor by) {
        if (Objects.equals(agentId, newAgentId) && Objects.equals(enterpriseId, newEnterpriseId)) {
            return false;
        }
        registerEvent(new UserAccountMoved(id, username, agentId, enterpriseId, newAgentId, newEnterpriseId, by));
        this.agentId = newAgentId;
        this.enterpriseId = newEnterpriseId;
        return true;
    }

    /**
     * An ADMIN gives the account the name of its person (blank clears it); the caller has checked its length.
     *
     * @return whether anything changed
     */
    boolean rename(String newDisplayName, Actor by) {
        String name = newDisplayName == null || newDisplayName.isBlank() ? null : newDisplayName.strip();
        if (Objects.equals(displayName, name)) {
            return false;
        }
        this.displayName = name;
        registerEvent(new UserAccountRenamed(id, username, agentId, enterpriseId, name, by));
        return true;
    }

    /** An ADMIN sets a temporary password, which the person must replace at their next sign-in; any lock ends. */
    void resetPassword(String temporaryHash, Actor by) {
        this.passwordHash = temporaryHash;
        this.mustChangePassword = true;
        this.failedLogins = 0;
        this.lockedUntil = null;
        registerEvent(new UserPasswordReset(id, username, agentId, enterpriseId, by));
    }

    /** The person chose a new password themselves. */
    void choosePassword(String newHash) {
        this.passwordHash = newHash;
        this.mustChangePassword = false;
        registerEvent(new UserPasswordChanged(id, username, agentId, enterpriseId, actor()));
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return role;
    }

    Long agentId() {
        return agentId;
    }

    Long enterpriseId() {
        return enterpriseId;
    }

    boolean enabled() {
        return enabled;
    }

    UserSummary summary(Instant now) {
        return new UserSummary(
                id,
                username,
                displayName,
                role,
                agentId,
                enterpriseId,
                enabled,
                isLockedAt(now),
                lastLoginAt,
                createdAt);
    }
}
