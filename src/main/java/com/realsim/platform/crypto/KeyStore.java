package com.realsim.platform.crypto;

import java.util.Map;

/**
 * Where the platform's keys come from: files under the data directory for the embedded database
 * ({@link FileKeys}), or configuration and PostgreSQL for an external database ({@link DatabaseKeys}). Both take
 * {@code realsim.keys.<name>} first.
 */
interface KeyStore {

    /** A key's material and where it came from. */
    record Stored(String material, int version, boolean configured) {}

    /** The key's material, created once if this store may create it; refuses with a message saying what to set. */
    Stored load(KeyName name);

    /**
     * Checks a loaded key against what the other instances use (the database's check value), records its check
     * value where none is yet, and refuses to go on when they differ.
     */
    void verify(KeyName name, KeyMaterial.Keys keys, boolean configured);

    /** Replaces a stored key's material (after a rotation) if its version is still {@code version}. */
    void replace(KeyName name, String material, String checkValue, int version);

    /** The current versions of stored keys, for instances to pick up another instance's rotation. */
    Map<KeyName, Integer> versions();
}
