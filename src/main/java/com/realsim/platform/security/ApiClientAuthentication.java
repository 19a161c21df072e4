package com.realsim.platform.security;

import com.realsim.platform.Actor;
import com.realsim.platform.ActorPrincipal;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A request of the Partner API authenticated by a bearer token, acting as its API client's role and tenant. */
final class ApiClientAuthentication extends JwtAuthenticationToken implements ActorPrincipal {

    private final Actor actor;

    ApiClientAuthentication(Jwt jwt, Actor actor) {
        super(jwt, List.of(new SimpleGrantedAuthority(actor.role().authority())), actor.name());
        this.actor = actor;
    }

    @Override
    public Actor actor() {
        return actor;
    }
}
