package com.realsim.testsupport;

import com.realsim.platform.Actor;
import com.realsim.platform.ActorPrincipal;
import com.realsim.platform.Role;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** An authenticated actor for MockMvc requests: {@code .with(ActorAuthentication.as(Role.OPS))}. */
public final class ActorAuthentication extends AbstractAuthenticationToken implements ActorPrincipal {

    private static final AtomicLong ids = new AtomicLong(1_000_000);

    private final Actor actor;

    private ActorAuthentication(Actor actor) {
        super(List.of(new SimpleGrantedAuthority(actor.role().authority())));
        this.actor = actor;
        setAuthenticated(true);
    }

    /** The authentication itself, for code that sets the security context directly (see {@link RunAs}). */
    public static ActorAuthentication of(Actor actor) {
        return new ActorAuthentication(actor);
    }

    public static RequestPostProcessor as(Actor actor) {
        return SecurityMockMvcRequestPostProcessors.authentication(new ActorAuthentication(actor));
    }

    public static RequestPostProcessor as(Role role) {
        return as(actor(role, role.needsAgent() ? 1L : null, role.needsEnterprise() ? 1L : null));
    }

    public static Actor actor(Role role, Long agentId, Long enterpriseId) {
        long id = ids.incrementAndGet();
        return new Actor(
                Actor.Kind.USER, id, "test-" + role.name().toLowerCase() + "-" + id, role, agentId, enterpriseId);
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return actor.name();
    }
}
