package com.realsim.platform.db;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refuses to start when the application's own connection can do more to a table than its module declared in
 * {@link TablePrivileges}: when it owns the table (and so may alter, drop, or switch off its triggers), is a superuser,
 * or holds a withheld privilege. An audit trail the application could rewrite would prove nothing.
 */
class ApplicationRoleCheck implements InitializingBean {

    private final JdbcClient jdbc;
    private final List<TablePrivileges> restricted;

    ApplicationRoleCheck(JdbcClient jdbc, List<TablePrivileges> restricted) {
        this.jdbc = jdbc;
        this.restricted = List.copyOf(restricted);
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            String user = jdbc.sql("SELECT current_user").query(String.class).single();
            throw new IllegalStateException("The application connects to the database as " + user + ", which "
                    + String.join("; ", problems) + ". Run the migrations as the owner of the tables"
                    + " (spring.flyway.user, spring.flyway.password) and connect the application with a role of its"
                    + " own (spring.datasource.username, spring.datasource.password), which the owner then grants"
                    + " what it needs (README, \"An external PostgreSQL\").");
        }
    }

    /** What the connection may do beyond what is declared, per table; empty when nothing. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (TablePrivileges table : restricted) {
            boolean owner = jdbc.sql("""
                            SELECT pg_has_role(current_user, c.relowner, 'USAGE')
                              FROM pg_class c WHERE c.oid = to_regclass(:table)""")
                    .param("table", table.table())
                    .query(Boolean.class)
                    .optional()
                    .orElse(false);
            if (owner) {
                problems.add("owns " + table.table() + " (or is a superuser)");
                continue;
            }
            List<String> held = new ArrayList<>();
            for (TablePrivileges.Privilege privilege : table.withheld()) {
                if (jdbc.sql("SELECT has_table_privilege(to_regclass(:table), :privilege)")
                        .param("table", table.table())
                        .param("privilege", privilege.name())
                        .query(Boolean.class)
                        .single()) {
                    held.add(privilege.name());
                }
            }
            if (!held.isEmpty()) {
                problems.add("may " + String.join(", ", held) + " " + table.table());
            }
        }
        return problems;
    }
}
