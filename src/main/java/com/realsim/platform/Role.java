package com.realsim.platform;

/** The one role an account or API client acts as. */
public enum Role implements Labelled {
    ADMIN,
    OPS,
    AGENT,
    ENTERPRISE_ADMIN;

    @Override
    public String messageKey() {
        return "role." + name();
    }

    /** AGENT accounts belong to an agent organisation, ENTERPRISE_ADMIN accounts to an enterprise. */
    public boolean needsAgent() {
        return this == AGENT;
    }

    public boolean needsEnterprise() {
        return this == ENTERPRISE_ADMIN;
    }

    /** Operator-side roles see every tenant's records. */
    public boolean seesAllTenants() {
        return this == ADMIN || this == OPS;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
