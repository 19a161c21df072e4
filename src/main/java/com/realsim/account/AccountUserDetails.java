package com.realsim.account;

import com.realsim.platform.Actor;
import com.realsim.platform.ActorPrincipal;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as Spring Security keeps it in the session: the actor, and the hash only until sign-in ends. */
final class AccountUserDetails implements UserDetails, CredentialsContainer, ActorPrincipal {

    private static final long serialVersionUID = 1L;

    private final Actor actor;
    private final boolean enabled;
    private final boolean locked;
    private String passwordHash;

    AccountUserDetails(Actor actor, String passwordHash, boolean enabled, boolean locked) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
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
