package com.realsim.platform.web;

import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: the actor, their navigation, and the current path for the active link. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final List<NavigationItem> items;

    LayoutAdvice(List<NavigationItem> items) {
        this.items = items.stream()
                .sorted(Comparator.comparingInt(NavigationItem::order))
                .toList();
    }

    @ModelAttribute("actor")
    Actor actor() {
        return CurrentActor.find().orElse(null);
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation() {
        return CurrentActor.find()
                .map(actor ->
                        items.stream().filter(item -> item.isFor(actor.role())).toList())
                .orElse(List.of());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
