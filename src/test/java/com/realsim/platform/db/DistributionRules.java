package com.realsim.platform.db;

import com.realsim.platform.db.TableClassification.Kind;
import com.realsim.platform.db.TableClassification.Placement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Citus's rules (docs/scaling.md) checked against the tables of one schema as PostgreSQL's catalogue describes them:
 * a distributed table has its distribution column NOT NULL, in its primary key and in every unique constraint or
 * index, and the same column type as the rest of its colocation group; a foreign key between distributed tables stays
 * inside one group and joins the two distribution columns; a distributed or local table may reference a reference
 * table, a reference table only another reference table, and distributed and local tables never each other.
 */
final class DistributionRules {

    private final JdbcClient sql;
    private final String schema;

    DistributionRules(JdbcClient sql, String schema) {
        this.sql = sql;
        this.schema = schema;
    }

    /** Every table of the schema (partitions are their parent's; views are no tables). */
    Set<String> tables() {
        return new TreeSet<>(sql.sql("""
                        SELECT c.relname FROM pg_class c
                         WHERE c.relnamespace = to_regnamespace(?) AND c.relkind IN ('r', 'p') AND NOT c.relispartition""").param(schema).query(String.class).list());
    }

    /** The tables of the schema the classification does not name. */
    Set<String> unclassified(TableClassification classification) {
        Set<String> tables = tables();
        tables.removeAll(classification.tables().keySet());
        return tables;
    }

    /** The tables the classification names that the schema does not have. */
    Set<String> missing(TableClassification classification) {
        Set<String> names = new TreeSet<>(classification.tables().keySet());
        names.removeAll(tables());
        return names;
    }

    /** What breaks a rule, table by table (a table that keeps every rule has no entry). */
    Map<String, List<String>> violations(TableClassification classification) {
        Map<String, List<String>> found = new TreeMap<>();
        Map<String, Column> distributionColumns = new HashMap<>();
        for (String table : tables()) {
            Optional<Placement> placement = classification.of(table);
            if (placement.isEmpty()) {
                continue;
            }
            if (placement.get().kind() == Kind.DISTRIBUTED) {
                Column column = column(table, placement.get().column());
                if (column == null) {
                    add(
                            found,
                            table,
                            "has no distribution column " + placement.get().column());
                    continue;
                }
                distributionColumns.put(table, column);
                keys(table, column, found);
            }
        }
        groupTypes(classification, distributionColumns, found);
        foreignKeys(classification, distributionColumns, found);
        return found;
    }

    private void keys(String table, Column column, Map<String, List<String>> found) {
        if (!column.notNull()) {
            add(found, table, "distribution column " + column.name() + " may be NULL");
        }
        boolean primaryKey = false;
        for (UniqueIndex index : uniqueIndexes(table)) {
            primaryKey |= index.primary();
            if (!index.columns().contains(column.number())) {
                add(
                        found,
                        table,
                        (index.primary() ? "primary key " : "unique index ") + index.name() + " lacks "
                                + column.name());
            }
        }
        if (!primaryKey) {
            add(found, table, "has no primary key");
        }
    }

    private void groupTypes(
            TableClassification classification, Map<String, Column> columns, Map<String, List<String>> found) {
        Map<String, Set<String>> typesByGroup = new HashMap<>();
        columns.forEach((table, column) -> typesByGroup
                .computeIfAbsent(classification.of(table).orElseThrow().group(), group -> new TreeSet<>())
                .add(column.type()));
        columns.forEach((table, column) -> {
            String group = classification.of(table).orElseThrow().group();
            if (typesByGroup.get(group).size() > 1) {
                add(
                        found,
                        table,
                        "group " + group + " mixes distribution column types " + typesByGroup.get(group) + " ("
                                + column.name() + " is " + column.type() + ")");
            }
        });
    }

    private void foreignKeys(
            TableClassification classification, Map<String, Column> columns, Map<String, List<String>> found) {
        for (ForeignKey key : foreignKeys()) {
            Optional<Placement> from = classification.of(key.from());
            Optional<Placement> to = classification.of(key.to());
            if (from.isEmpty()) {
                continue;
            }
            if (to.isEmpty()) {
                add(found, key.from(), "foreign key " + key.name() + " references unclassified " + key.to());
                continue;
            }
            String problem = problem(key, from.get(), to.get(), columns);
            if (problem != null) {
                add(found, key.from(), "foreign key " + key.name() + " to " + key.to() + ": " + problem);
            }
        }
    }

    private static String problem(ForeignKey key, Placement from, Placement to, Map<String, Column> columns) {
        return switch (from.kind()) {
            case REFERENCE -> to.kind() == Kind.REFERENCE ? null : "a reference table references a " + name(to);
            case LOCAL -> to.kind() == Kind.DISTRIBUTED ? "a local table references a distributed one" : null;
            case DISTRIBUTED ->
                switch (to.kind()) {
                    case REFERENCE -> null;
                    case LOCAL -> "a distributed table references a local one";
                    case DISTRIBUTED -> {
                        if (!from.group().equals(to.group())) {
                            yield "crosses from group " + from.group() + " to group " + to.group();
                        }
                        Column fromColumn = columns.get(from.table());
                        Column toColumn = columns.get(to.table());
                        if (fromColumn == null
                                || toColumn == null
                                || !key.joins(fromColumn.number(), toColumn.number())) {
                            yield "does not join " + from.column() + " to " + to.table() + "." + to.column();
                        }
                        yield null;
                    }
                };
        };
    }

    private static String name(Placement placement) {
        return placement.kind().name().toLowerCase() + " one";
    }

    private Column column(String table, String name) {
        return sql.sql("""
                        SELECT a.attname, a.attnum, a.attnotnull, format_type(a.atttypid, NULL)
                          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                         WHERE c.relnamespace = to_regnamespace(?) AND c.relname = ? AND a.attname = ?
                           AND a.attnum > 0 AND NOT a.attisdropped""")
                .params(schema, table, name)
                .query((rs, row) -> new Column(rs.getString(1), rs.getShort(2), rs.getBoolean(3), rs.getString(4)))
                .optional()
                .orElse(null);
    }

    private List<UniqueIndex> uniqueIndexes(String table) {
        return sql.sql("""
                        SELECT ci.relname, i.indisprimary, array_to_string(i.indkey, ' ')
                          FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ci ON ci.oid = i.indexrelid
                         WHERE c.relnamespace = to_regnamespace(?) AND c.relname = ? AND i.indisunique
                         ORDER BY ci.relname""")
                .params(schema, table)
                .query((rs, row) -> new UniqueIndex(rs.getString(1), rs.getBoolean(2), numbers(rs.getString(3))))
                .list();
    }

    private List<ForeignKey> foreignKeys() {
        return sql.sql("""
                        SELECT k.conname, src.relname, dst.relname,
                               array_to_string(k.conkey, ' '), array_to_string(k.confkey, ' ')
                          FROM pg_constraint k
                          JOIN pg_class src ON src.oid = k.conrelid
                          JOIN pg_class dst ON dst.oid = k.confrelid
                         WHERE k.contype = 'f' AND k.conparentid = 0 AND src.relnamespace = to_regnamespace(?)
                         ORDER BY src.relname, k.conname""")
                .param(schema)
                .query((rs, row) -> new ForeignKey(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        numbers(rs.getString(4)),
                        numbers(rs.getString(5))))
                .list();
    }

    private static List<Integer> numbers(String list) {
        return Arrays.stream(list.split(" "))
                .filter(number -> !number.isBlank())
                .map(Integer::valueOf)
                .collect(Collectors.toList());
    }

    private static void add(Map<String, List<String>> found, String table, String violation) {
        found.computeIfAbsent(table, t -> new ArrayList<>()).add(violation);
    }

    private record Column(String name, int number, boolean notNull, String type) {}

    private record UniqueIndex(String name, boolean primary, List<Integer> columns) {}

    private record ForeignKey(String name, String from, String to, List<Integer> columns, List<Integer> referenced) {

        boolean joins(int fromColumn, int toColumn) {
            for (int i = 0; i < columns.size(); i++) {
                if (Objects.equals(columns.get(i), fromColumn) && Objects.equals(referenced.get(i), toColumn)) {
                    return true;
                }
            }
            return false;
        }
    }
}
