package com.realsim.platform.jobs;

import com.realsim.platform.Actor;
import com.realsim.platform.ActorPrincipal;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The owner of a job as the current actor of the thread that runs it, so that tenant scoping applies as it did. */
final class JobOwner extends AbstractAuthenticationToken implements ActorPrincipal {

    private final Actor owner;

    JobOwner(Actor owner) {
        super(List.of(new SimpleGrantedAuthority(owner.role().authority())));
        this.owner = owner;
        setAuthenticated(true);
    }

    @Override
    public Actor actor() {
        return owner;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return this;
    }
}
