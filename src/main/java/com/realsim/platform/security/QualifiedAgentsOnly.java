package com.realsim.platform.security;

import com.realsim.platform.Actor;
import com.realsim.platform.AgentQualifications;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The one place where a suspended or revoked agent's changes stop: every page and Partner API handler passes this
 * interceptor, and a state-changing request (POST, PUT, PATCH, DELETE) of an AGENT actor whose organisation is not
 * ACTIVE answers 403 {@code AGENT_NOT_QUALIFIED} before the handler reads its body — a problem detail in the API, the
 * refusal page with the rule's text in a page. Reading stays open. Sign-in and sign-out are Spring Security's filters,
 * not handlers, so a suspended agent's user can still sign in and out.
 */
final class QualifiedAgentsOnly implements HandlerInterceptor {

    static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ObjectProvider<AgentQualifications> qualifications;

    QualifiedAgentsOnly(ObjectProvider<AgentQualifications> qualifications) {
        this.qualifications = qualifications;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod) || !STATE_CHANGING.contains(request.getMethod())) {
            return true;
        }
        Optional<Actor> actor = CurrentActor.find().filter(a -> a.is(Role.AGENT));
        AgentQualifications agents = qualifications.getIfAvailable();
        if (actor.isPresent() && agents != null && !agents.mayChange(actor.get().agentId())) {
            throw new DomainException(ErrorCode.AGENT_NOT_QUALIFIED);
        }
        return true;
    }
}
