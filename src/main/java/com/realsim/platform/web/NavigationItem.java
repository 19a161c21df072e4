package com.realsim.platform.web;

import com.realsim.platform.Role;
import java.util.Set;

/**
 * An entry of the main navigation, contributed as a bean by the module that owns the page; the layout shows the
 * entries of the current actor's role, in {@code order}.
 *
 * @param messageKey the label's key in the message bundles
 */
public record NavigationItem(String messageKey, String path, Set<Role> roles, int order) {

    public NavigationItem {
        roles = Set.copyOf(roles);
    }

    public boolean isFor(Role role) {
        return roles.contains(role);
    }
}
