package com.realsim.platform.db;

import java.util.Objects;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration that needs the application's keys, which are not in the database (re-keying blind indexes,
 * sealing the audit chain's switch, keying idempotency fingerprints), so SQL alone cannot do it. The owning module
 * declares it as a bean with its version and description; Spring Boot hands the beans to Flyway, which runs each once,
 * in a transaction, under its lock. No checksum: the code, not a file, is the migration.
 */
public abstract class KeyedMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    protected KeyedMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = Objects.requireNonNull(description);
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
