package com.realsim.audit;

import com.google.crypto.tink.Mac;
import com.realsim.platform.crypto.KeyRing;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The key of the audit chain ({@code audit-chain} in the platform's {@link KeyRing}, never in the database): links
 * every entry recorded since the chain was keyed with {@code hex(HMAC-SHA256(key, prevHash || keyedCanonical))}, and
 * seals the switch point, the last entry linked with plain SHA-256 before the key was introduced. Someone with the
 * database but not the key can rewrite an entry and recompute plain hashes, but neither a keyed link nor the seal.
 */
@Component
class ChainKey {

    static final String SEAL_CONTEXT = "realsim/audit-chain/keyed-after/";

    private final Mac mac;

    @Autowired
    ChainKey(KeyRing keys) {
        this(keys.auditChain());
    }

    ChainKey(Mac mac) {
        this.mac = mac;
    }

    /** The keyed link of the entry that follows {@code prevHash}. */
    String link(String prevHash, AuditEntry entry) {
        try {
            return HashChain.hex(mac.computeMac(HashChain.linked(prevHash, HashChain.keyedCanonical(entry))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute the audit chain's link", e);
        }
    }

    /** Whether the entry's stored link is its keyed link after {@code prevHash} (under any key of the keyset). */
    boolean links(String prevHash, AuditEntry entry) {
        return verifies(entry.hash(), HashChain.linked(prevHash, HashChain.keyedCanonical(entry)));
    }

    /** The seal of the switch point: the id and link of the last entry linked without the key (0 and 64 zeros: none). */
    String seal(long keyedAfter, String hashThere) {
        try {
            return HashChain.hex(mac.computeMac(sealed(keyedAfter, hashThere)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal the audit chain's switch point", e);
        }
    }

    boolean sealHolds(long keyedAfter, String hashThere, String seal) {
        return verifies(seal, sealed(keyedAfter, hashThere));
    }

    private static byte[] sealed(long keyedAfter, String hashThere) {
        return (SEAL_CONTEXT + keyedAfter + "/" + hashThere).getBytes(StandardCharsets.US_ASCII);
    }

    private boolean verifies(String hexTag, byte[] data) {
        if (hexTag == null || !hexTag.matches("[0-9a-f]{64}")) {
            return false;
        }
        try {
            mac.verifyMac(HashChain.unhex(hexTag), data);
            return true;
        } catch (GeneralSecurityException wrong) {
            return false;
        }
    }
}
