package com.realsim.identity;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a sealed value lives: table, column and the row's random seal key. It is the associated data of the AEAD
 * ciphertext, so a ciphertext copied to another column or another row does not open. The row's key is a UUID the
 * entity generates when it is constructed ({@code seal_key uuid}), because identity ids are only known after the
 * insert.
 */
public record SealContext(String table, String column, UUID rowKey) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public SealContext {
        if (table == null
                || !NAME.matcher(table).matches()
                || column == null
                || !NAME.matcher(column).matches()) {
            throw new IllegalArgumentException("Table and column are SQL names in lower case");
        }
        Objects.requireNonNull(rowKey, "rowKey");
    }

    public static SealContext of(String table, String column, UUID rowKey) {
        return new SealContext(table, column, rowKey);
    }

    byte[] associatedData(String purpose) {
        return ("realsim/personal-data/v1|" + table + "|" + column + "|" + rowKey + "|" + purpose)
                .getBytes(StandardCharsets.UTF_8);
    }
}
