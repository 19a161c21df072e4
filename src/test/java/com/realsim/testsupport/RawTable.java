package com.realsim.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a table holds at rest, as bytes: its heap file and its TOAST file as PostgreSQL wrote them to disk (after a
 * checkpoint), dead row versions included, then every row's columns as text and every binary column's bytes (which
 * covers values PostgreSQL keeps compressed). For tests that nothing clear is stored. Needs a superuser, as the test databases' users are.
 */
public final class RawTable {

    private RawTable() {}

    /** The table's files on disk and its rows as text, one after the other. */
    public static byte[] bytes(JdbcClient sql, String table) {
        sql.sql("CHECKPOINT").update();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<String> files =
                sql.sql("""
                        SELECT pg_relation_filepath(c.oid) FROM pg_class c WHERE c.oid = CAST(? AS regclass)
                        UNION ALL
                        SELECT pg_relation_filepath(c.reltoastrelid) FROM pg_class c
                         WHERE c.oid = CAST(? AS regclass) AND c.reltoastrelid <> 0""").params(table, table).query(String.class).list();
        for (String file : files) {
            all.writeBytes(sql.sql("SELECT pg_read_binary_file(?)")
                    .param(file)
                    .query(byte[].class)
                    .single());
        }
        for (String row : sql.sql("SELECT CAST(t AS text) FROM " + table + " t")
                .query(String.class)
                .list()) {
            all.writeBytes(row.getBytes(StandardCharsets.UTF_8));
        }
        for (String column : sql.sql("""
                        SELECT column_name FROM information_schema.columns
                         WHERE table_schema = current_schema() AND table_name = ? AND data_type = 'bytea'""").param(table).query(String.class).list()) {
            for (byte[] value : sql.sql("SELECT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL")
                    .query(byte[].class)
                    .list()) {
                all.writeBytes(value);
            }
        }
        return all.toByteArray();
    }

    /** Whether the table holds this text anywhere, in UTF-8 (its files, or a column's text). */
    public static boolean contains(JdbcClient sql, String table, String text) {
        return indexOf(bytes(sql, table), text.getBytes(StandardCharsets.UTF_8)) >= 0;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
