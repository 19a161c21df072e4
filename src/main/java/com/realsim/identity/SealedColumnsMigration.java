package com.realsim.identity;

import com.realsim.platform.db.KeyedMigration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A keyed migration over the sealed personal-data columns of one table: the table and the columns' prefix ({@code ""}
 * for {@code id_number_enc}, {@code "handler_"} for {@code handler_id_number_enc}), both checked to be SQL names,
 * since they are written into its statements.
 */
abstract class SealedColumnsMigration extends KeyedMigration {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern PREFIX = Pattern.compile("([a-z][a-z0-9_]*_)?");

    final PersonalData personalData;
    final String table;
    final String prefix;

    SealedColumnsMigration(
            PersonalData personalData, String version, String description, String table, String columnPrefix) {
        super(version, description);
        if (!NAME.matcher(table).matches() || !PREFIX.matcher(columnPrefix).matches()) {
            throw new IllegalArgumentException("Table and column prefix are SQL names in lower case");
        }
        this.personalData = Objects.requireNonNull(personalData);
        this.table = table;
        this.prefix = columnPrefix;
    }
}
