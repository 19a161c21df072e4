package com.realsim.platform.db;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the application's role may do to one table, declared by the module that owns the table when it is less than
 * the default (reading and writing rows: SELECT, INSERT, UPDATE, DELETE). Declare one as a bean; after every migration
 * the role gets exactly these privileges on the table, and the application refuses to start when its connection can
 * do more (it owns the table, is a superuser, or was granted more by hand).
 *
 * @param table the table's name in the application's schema
 * @param allowed the only privileges the application's role holds on it
 */
public record TablePrivileges(String table, Set<Privilege> allowed) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** The table privileges of PostgreSQL. The default grant is the first four. */
    public enum Privilege {
        SELECT,
        INSERT,
        UPDATE,
        DELETE,
        TRUNCATE,
        REFERENCES,
        TRIGGER
    }

    public TablePrivileges {
        if (table == null || !NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("A table name in lower case: " + table);
        }
        allowed = Set.copyOf(Objects.requireNonNull(allowed));
    }

    public static TablePrivileges only(String table, Privilege first, Privilege... more) {
        return new TablePrivileges(table, EnumSet.of(first, more));
    }

    /** The privileges the role must not hold on the table. */
    public Set<Privilege> withheld() {
        Set<Privilege> withheld = EnumSet.allOf(Privilege.class);
        withheld.removeAll(allowed);
        return withheld;
    }
}
