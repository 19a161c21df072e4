package com.realsim.account;

import com.realsim.platform.Actor;
import com.realsim.platform.ActorPrincipal;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security keeps it in the session: the actor, the hash only until sign-in ends, and
 * whether the person must first choose a new password (after an ADMIN reset it).
 */
public final class AccountUserDetails implements UserDetails, CredentialsContainer, ActorPrincipal {

    private static final long serialVersionUID = 1L;

    private final Actor actor;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;
    private String passwordHash;

    AccountUserDetails(Actor actor, String passwordHash, boolean enabled, boolean locked, boolean mustChangePassword) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
    }

    /** Whether the person must choose a new password before using anything else. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** The same user after choosing a new password, for the session. */
    public AccountUserDetails withPasswordChosen() {
        return new AccountUserDetails(actor, null, enabled, locked, false);
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(actor.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.name();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountUserDetails that && that.actor.equals(actor);
    }

    @Override
    public int hashCode() {
        return actor.hashCode();
    }

    @Override
    public String toString() {
        return "AccountUserDetails[" + actor.name() + ", " + actor.role() + "]";
    }
}
