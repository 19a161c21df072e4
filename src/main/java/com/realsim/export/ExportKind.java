package com.realsim.export;

import com.realsim.platform.Labelled;
import com.realsim.platform.Role;
import java.util.List;
import java.util.Set;

/** What an export holds, and who may make one: the roles that read the list it copies. */
public enum ExportKind implements Labelled {
    CARDS(Set.of(Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN), List.of("state", "operator", "enterpriseId")),
    ORDERS(Set.of(Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN), List.of("status", "type", "enterpriseId")),
    AUDIT(Set.of(Role.ADMIN, Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN), List.of("action", "targetType")),
    OPERATOR_REPORT(Set.of(Role.OPS, Role.AGENT), List.of("operator", "from", "to"));

    private final Set<Role> roles;
    private final List<String> filterKeys;

    ExportKind(Set<Role> roles, List<String> filterKeys) {
        this.roles = roles;
        this.filterKeys = filterKeys;
    }

    /** The filter keys the kind takes: the list's own filters (the operator report: operator and period). */
    public List<String> filterKeys() {
        return filterKeys;
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }

    @Override
    public String messageKey() {
        return "export.kind." + name();
    }
}
