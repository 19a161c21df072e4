package com.realsim.demo;

import com.realsim.account.UserSummary;
import com.realsim.platform.Actor;
import com.realsim.platform.ActorPrincipal;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs the demo's use cases as the demo accounts, as their requests would run. */
final class DemoActors {

    private DemoActors() {}

    static Actor actor(UserSummary user) {
        return new Actor(Actor.Kind.USER, user.id(), user.username(), user.role(), user.agentId(), user.enterpriseId());
    }

    static <T> T as(Actor actor, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new DemoAuthentication(actor));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private static final class DemoAuthentication extends AbstractAuthenticationToken implements ActorPrincipal {

        private final Actor actor;

        DemoAuthentication(Actor actor) {
            super(List.of(new SimpleGrantedAuthority(actor.role().authority())));
            this.actor = actor;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return actor.name();
        }

        @Override
        public Actor actor() {
            return actor;
        }
    }
}
