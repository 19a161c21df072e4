package com.realsim.identity;

import com.realsim.platform.crypto.KeyName;
import com.realsim.platform.crypto.KeyRing;
import com.realsim.platform.crypto.SealedData;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every value sealed by {@link PersonalData}, wherever a module keeps it, for the re-seal after a rotation of the
 * personal-data key. Found by the convention every module follows (docs/identity.md): a table with a {@code seal_key}
 * column keeps each sealed field in a {@code bytea} column {@code <field>_enc}, sealed in the place
 * {@code (table, <field>, seal_key)} with the purpose {@code <prefix>id_type} for {@code <prefix>id_number} and
 * {@code text} for everything else. Tables are taken one after the other, rows by id.
 */
@Component
@RequiredArgsConstructor
class SealedColumns implements SealedData {

    private final JdbcTemplate jdbc;
    private final KeyRing keys;

    @Override
    public KeyName key() {
        return KeyName.PERSONAL_DATA;
    }

    @Override
    public String name() {
        return "identity: sealed personal data";
    }

    /** {@code table:lastId} */
    @Override
    public Batch resealNext(String cursor, int limit) {
        Map<String, List<String>> tables = sealedColumns();
        List<String> names = new ArrayList<>(tables.keySet());
        String table =
                cursor == null ? (names.isEmpty() ? null : names.get(0)) : cursor.substring(0, cursor.indexOf(':'));
        long after = cursor == null ? 0 : Long.parseLong(cursor.substring(cursor.indexOf(':') + 1));
        if (table == null || !tables.containsKey(table)) {
            return new Batch(null, 0, 0);
        }
        List<String> columns = tables.get(table);
        long[] counts = reseal(table, columns, after, limit);
        long last = counts[2] < 0 ? after : counts[2];
        String next;
        if (counts[0] == limit) {
            next = table + ":" + last;
        } else {
            int index = names.indexOf(table);
            next = index + 1 < names.size() ? names.get(index + 1) + ":0" : null;
        }
        return new Batch(next, (int) counts[0], (int) counts[1]);
    }

    /** The bytea columns named {@code *_enc} of each table that has a {@code seal_key}, by table. */
    Map<String, List<String>> sealedColumns() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        jdbc.query(
                """
                SELECT c.table_name, c.column_name
                  FROM information_schema.columns c
                 WHERE c.table_schema = current_schema() AND c.data_type = 'bytea' AND c.column_name LIKE '%\\_enc'
                   AND EXISTS (SELECT 1 FROM information_schema.columns s
                                WHERE s.table_schema = c.table_schema AND s.table_name = c.table_name
                                  AND s.column_name = 'seal_key')
                 ORDER BY c.table_name, c.column_name""",
                rs -> {
                    tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        return tables;
    }

    /** Answers the rows looked at, the values sealed anew and the last id. */
    private long[] reseal(String table, List<String> columns, long after, int limit) {
        List<String> typeColumns = columns.stream()
                .filter(column -> column.endsWith("id_number_enc"))
                .map(column -> column.substring(0, column.length() - "number_enc".length()) + "type")
                .toList();
        String select = "SELECT id, seal_key, " + String.join(", ", columns)
                + (typeColumns.isEmpty() ? "" : ", " + String.join(", ", typeColumns)) + " FROM " + table
                + " WHERE id > ? ORDER BY id LIMIT ? FOR UPDATE";
        long[] counts = {0, 0, -1};
        List<Object[]> updates = new ArrayList<>();
        jdbc.query(
                select,
                rs -> {
                    long id = rs.getLong("id");
                    UUID sealKey = rs.getObject("seal_key", UUID.class);
                    counts[0]++;
                    counts[2] = id;
                    for (String column : columns) {
                        byte[] sealed = rs.getBytes(column);
                        if (sealed == null) {
                            continue;
                        }
                        String field = column.substring(0, column.length() - "_enc".length());
                        String purpose = field.endsWith("id_number")
                                ? rs.getString(field.substring(0, field.length() - "number".length()) + "type")
                                : "text";
                        try {
                            byte[] again = keys.resealed(
                                    KeyName.PERSONAL_DATA,
                                    sealed,
                                    SealContext.of(table, field, sealKey).associatedData(purpose));
                            if (again != null) {
                                updates.add(new Object[] {column, again, id});
                            }
                        } catch (GeneralSecurityException e) {
                            throw new IllegalStateException(
                                    "A sealed value of " + table + "." + column + " (row " + id + ") does not open");
                        }
                    }
                },
                after,
                limit);
        for (Object[] update : updates) {
            jdbc.update("UPDATE " + table + " SET " + update[0] + " = ? WHERE id = ?", update[1], update[2]);
        }
        counts[1] = updates.size();
        return counts;
    }
}
