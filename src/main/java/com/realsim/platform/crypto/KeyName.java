package com.realsim.platform.crypto;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The platform's secret keys, by the names their settings and stored rows carry. */
public enum KeyName {
    /** AES-256-GCM (Tink AEAD) for personal data at rest: ID numbers, names, addresses, kept answers. */
    PERSONAL_DATA("personal-data"),
    /** HMAC-SHA256 (Tink PRF) for the blind index: equality look-ups of sealed ID numbers (one ID, at most N cards). */
    BLIND_INDEX("blind-index"),
    /** AES-256-GCM (Tink AEAD) for stored documents and the inputs of background jobs. */
    DOCUMENTS("documents"),
    /** RSA (a JWK set, the first key signing) for the Partner API's access tokens. */
    JWT_SIGNING("jwt-signing"),
    /**
     * HMAC-SHA256 (Tink MAC, no key-id prefix) keying the audit chain: in the database only sealed with the
     * key-encryption key, so that whoever has the database alone cannot rewrite an entry and its successors.
     */
    AUDIT_CHAIN("audit-chain");

    private final String id;

    KeyName(String id) {
        this.id = id;
    }

    /** The name in settings, files and the database: {@code personal-data}. */
    public String id() {
        return id;
    }

    /** {@code realsim.keys.personal-data} */
    public String property() {
        return "realsim.keys." + id;
    }

    /** {@code REALSIM_KEYS_PERSONAL_DATA} */
    public String variable() {
        return "REALSIM_KEYS_" + id.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Whether this key seals data that a re-seal job moves to a new primary key after a rotation. */
    public boolean isAead() {
        return this == PERSONAL_DATA || this == DOCUMENTS;
    }

    public static Optional<KeyName> of(String id) {
        return Arrays.stream(values()).filter(name -> name.id.equals(id)).findFirst();
    }
}
