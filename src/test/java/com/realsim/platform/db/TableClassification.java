package com.realsim.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each table of the schema goes on Citus, as docs/scaling.md's classification says (the rows between its
 * {@code classification:start} and {@code classification:end} markers): distributed by a column into a colocation
 * group, a reference table or a coordinator-local one; and whether it keeps the rules today.
 */
record TableClassification(Map<String, Placement> tables) {

    static final Path DOCUMENT = Path.of("docs/scaling.md");

    enum Kind {
        DISTRIBUTED,
        REFERENCE,
        LOCAL
    }

    /** One table's row: for a distributed table its column and group, otherwise both empty. */
    record Placement(String table, Kind kind, String column, String group, boolean conforms) {}

    static TableClassification fromDocument() {
        try {
            return parse(Files.readAllLines(DOCUMENT));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DOCUMENT, e);
        }
    }

    static TableClassification parse(List<String> lines) {
        int start = lines.indexOf("<!-- classification:start -->");
        int end = lines.indexOf("<!-- classification:end -->");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(DOCUMENT + " has no classification:start/end markers");
        }
        Map<String, Placement> tables = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, end)) {
            if (!line.startsWith("|") || line.startsWith("| table ") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|", -1);
            if (cells.length != 5) {
                throw new IllegalArgumentException("A classification row needs 5 cells: " + line);
            }
            String table = cells[0].strip();
            Kind kind = Kind.valueOf(cells[1].strip().toUpperCase());
            String column = cells[2].strip();
            String group = cells[3].strip();
            String conforms = cells[4].strip();
            if (!conforms.equals("yes") && !conforms.equals("not yet")) {
                throw new IllegalArgumentException("conforms is 'yes' or 'not yet': " + line);
            }
            if ((kind == Kind.DISTRIBUTED) == (column.isEmpty() || group.isEmpty())) {
                throw new IllegalArgumentException(
                        "A distributed table (and only it) names its column and its group: " + line);
            }
            if (tables.put(table, new Placement(table, kind, column, group, conforms.equals("yes"))) != null) {
                throw new IllegalArgumentException("Table classified twice: " + table);
            }
        }
        return new TableClassification(Map.copyOf(tables));
    }

    Optional<Placement> of(String table) {
        return Optional.ofNullable(tables.get(table));
    }
}
