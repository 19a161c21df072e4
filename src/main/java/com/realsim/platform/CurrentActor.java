package com.realsim.platform;

import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current request, taken from Spring Security's context. */
public final class CurrentActor {

    private CurrentActor() {}

    public static Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return Optional.of(principal.actor());
        }
        if (authentication instanceof ActorPrincipal principal) {
            return Optional.of(principal.actor());
        }
        return Optional.empty();
    }

    /** The current actor; a request without one never reaches a use case, so its absence is a programming error. */
    public static Actor get() {
        return find().orElseThrow(() -> new IllegalStateException("No authenticated actor in this thread"));
    }

    /**
     * The current actor, if they act in this role: what a use case for one role asks first. Pages and the API check
     * roles before a request reaches it; this is the domain's own check, so that a service never acts for a role it
     * does not serve.
     *
     * @throws DomainException {@code FORBIDDEN} for an actor in another role
     */
    public static Actor require(Role role) {
        Actor actor = get();
        if (!actor.is(role)) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        return actor;
    }

    /** The records the current actor may see; nothing at all when nobody is signed in. */
    public static TenantScope scope() {
        return find().map(Actor::scope).orElse(TenantScope.nothing());
    }
}
