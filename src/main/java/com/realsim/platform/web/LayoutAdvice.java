package com.realsim.platform.web;

import com.realsim.platform.Actor;
import com.realsim.platform.AgentQualifications;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: the actor, their navigation, and the current path for the active link. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final List<NavigationItem> items;
    private final ObjectProvider<AgentQualifications> agents;

    LayoutAdvice(List<NavigationItem> items, ObjectProvider<AgentQualifications> agents) {
        this.items = items.stream()
                .sorted(Comparator.comparingInt(NavigationItem::order))
                .toList();
        this.agents = agents;
    }

    /**
     * One method for the three attributes: the advice also applies to the Partner API's {@code @RestController}s
     * (they are {@code @Controller}s too), and every model-attribute method is a reflective call on every request.
     */
    @ModelAttribute
    void layout(Model model, HttpServletRequest request) {
        Actor actor = CurrentActor.find().orElse(null);
        if (actor != null && actor.kind() == Actor.Kind.API_CLIENT) {
            return; // a Partner API call: no page, no layout (this ran on every card-status read)
        }
        model.addAttribute("actor", actor);
        model.addAttribute(
                "navigation",
                actor == null
                        ? List.of()
                        : items.stream()
                                .filter(item -> item.isFor(actor.role()))
                                .toList());
        model.addAttribute("currentPath", request.getRequestURI());
        boolean agent = actor != null && actor.is(Role.AGENT);
        AgentQualifications qualifications = agent ? agents.getIfAvailable() : null;
        model.addAttribute(
                "agentNotQualified", agent && qualifications != null && !qualifications.mayChange(actor.agentId()));
    }
}
