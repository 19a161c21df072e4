package com.realsim.platform;

import jakarta.persistence.criteria.Path;
import java.util.Objects;
import org.springframework.data.jpa.domain.Specification;

/**
 * Which tenants' records an actor may see: everything (ADMIN, OPS), one agent organisation's, one enterprise's, or
 * nothing. Every module loads tenant-owned records through {@link ScopedRepository}, which applies this scope, so a
 * record of another tenant is simply not found (404), exactly like one that does not exist.
 */
public record TenantScope(Kind kind, Long tenantId) {

    public enum Kind {
        EVERYTHING,
        AGENT,
        ENTERPRISE,
        NOTHING
    }

    public TenantScope {
        Objects.requireNonNull(kind);
        if ((kind == Kind.AGENT || kind == Kind.ENTERPRISE) && tenantId == null) {
            throw new IllegalArgumentException(kind + " scope needs a tenant id");
        }
    }

    public static TenantScope everything() {
        return new TenantScope(Kind.EVERYTHING, null);
    }

    public static TenantScope nothing() {
        return new TenantScope(Kind.NOTHING, null);
    }

    public static TenantScope agent(long agentId) {
        return new TenantScope(Kind.AGENT, agentId);
    }

    public static TenantScope enterprise(long enterpriseId) {
        return new TenantScope(Kind.ENTERPRISE, enterpriseId);
    }

    /** Whether a record owned by this agent and enterprise is visible. */
    public boolean covers(Long agentId, Long enterpriseId) {
        return switch (kind) {
            case EVERYTHING -> true;
            case AGENT -> tenantId.equals(agentId);
            case ENTERPRISE -> tenantId.equals(enterpriseId);
            case NOTHING -> false;
        };
    }

    /** A JPA condition restricting any {@link Tenanted} entity to this scope. */
    public <T> Specification<T> specification() {
        return (root, query, cb) -> {
            Tenanted tenanted = root.getJavaType().getAnnotation(Tenanted.class);
            if (tenanted == null) {
                throw new IllegalStateException(root.getJavaType() + " is not @Tenanted");
            }
            return switch (kind) {
                case EVERYTHING -> cb.conjunction();
                case NOTHING -> cb.disjunction();
                case AGENT -> cb.equal(attribute(root, tenanted.agent()), tenantId);
                case ENTERPRISE -> cb.equal(attribute(root, tenanted.enterprise()), tenantId);
            };
        };
    }

    /**
     * The same condition for hand-written SQL: a fragment using the named parameter {@code :scopeTenant}, to be bound
     * with {@link #sqlParameter()}.
     */
    public String sqlCondition(String agentColumn, String enterpriseColumn) {
        return switch (kind) {
            case EVERYTHING -> "true";
            case NOTHING -> "false";
            case AGENT -> agentColumn + " = :scopeTenant";
            case ENTERPRISE -> enterpriseColumn + " = :scopeTenant";
        };
    }

    /** The value for {@code :scopeTenant}; bound even when the condition does not use it. */
    public long sqlParameter() {
        return tenantId == null ? -1L : tenantId;
    }

    private static Path<Object> attribute(Path<?> root, String name) {
        return root.get(name);
    }
}
