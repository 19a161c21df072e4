package com.realsim.card.bulk;

import com.realsim.platform.Labelled;
import com.realsim.platform.Role;

/** What a bulk action does to each of its cards, and who may start it. */
public enum BulkAction implements Labelled {
    ACTIVATE,
    SUSPEND,
    RESUME,
    /** A one-time self-service link per card for its end user (AGENT and ENTERPRISE_ADMIN, as for one card). */
    SELF_SERVICE_LINK;

    @Override
    public String messageKey() {
        return "card.bulk.action." + name();
    }

    /** Suspending and resuming carry the person's reason on every card, as they do one by one. */
    public boolean needsReason() {
        return this == SUSPEND || this == RESUME;
    }

    /** The actions a role may start, for its forms. */
    public static java.util.List<BulkAction> of(Role role) {
        return java.util.Arrays.stream(values()).filter(a -> a.allowedFor(role)).toList();
    }

    /** The roles that may do this to one card may do it to many. */
    public boolean allowedFor(Role role) {
        return switch (role) {
            case OPS -> this != SELF_SERVICE_LINK;
            case AGENT, ENTERPRISE_ADMIN -> true;
            case ADMIN -> false;
        };
    }
}
