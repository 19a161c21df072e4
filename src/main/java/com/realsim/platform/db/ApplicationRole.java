package com.realsim.platform.db;

/**
 * The database role the application connects as, which is not the role that owns the tables: migrations run as the
 * owner (Flyway's own user), and after each migration the owner grants this role what the application needs
 * ({@link ApplicationRoleGrants}). A role that owns a table can change or drop it whatever a trigger says; this one
 * cannot, so what {@link TablePrivileges} withholds from it (changing the audit trail, say) stays withheld.
 *
 * @param name the role, e.g. {@code realsim_app}; null when the connection names none (then nothing is granted)
 * @param password its password, for creating it when it does not exist yet; null to create it without one (the
 *     embedded database lets local roles in without a password)
 */
public record ApplicationRole(String name, String password) {

    /** The role of the embedded default database, created by the application itself. */
    public static final String EMBEDDED = "realsim_app";

    @Override
    public String toString() {
        return "ApplicationRole[" + name + "]";
    }
}
