package com.realsim.platform;

import java.io.Serializable;

/**
 * Who is acting: a browser user or an API client, with the one role it acts as and, for AGENT and
 * ENTERPRISE_ADMIN, the organisation it acts for. Records made by an actor carry {@link #id()} as their maker.
 *
 * @param kind whether this is a person in the browser or a partner platform
 * @param id the user's or API client's id
 * @param name the username or client id, for audit trails
 */
public record Actor(Kind kind, long id, String name, Role role, Long agentId, Long enterpriseId)
        implements Serializable {

    public enum Kind {
        USER,
        API_CLIENT
    }

    public Actor {
        if (role.needsAgent() && agentId == null) {
            throw new IllegalArgumentException("An AGENT acts for an agent organisation");
        }
        if (role.needsEnterprise() && enterpriseId == null) {
            throw new IllegalArgumentException("An ENTERPRISE_ADMIN acts for an enterprise");
        }
    }

    public TenantScope scope() {
        return switch (role) {
            case ADMIN, OPS -> TenantScope.everything();
            case AGENT -> TenantScope.agent(agentId);
            case ENTERPRISE_ADMIN -> TenantScope.enterprise(enterpriseId);
        };
    }

    public boolean is(Role other) {
        return role == other;
    }

    /** A stable key for maker-checker comparisons: a user and an API client never share one. */
    public String principalKey() {
        return kind.name() + ":" + id;
    }
}
