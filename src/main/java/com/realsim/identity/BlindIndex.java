package com.realsim.identity;

import com.realsim.platform.crypto.KeyRing;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (Tink HMAC-SHA256 PRF, the {@code blind-index} key) of normalised values, for equality look-ups of
 * sealed data without the clear value: the same input gives the same 64 hex characters, and nobody without the key
 * can compute or reverse it. The key must not be rotated without recomputing every stored index.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class BlindIndex {

    private final KeyRing keys;

    /**
     * The index of a person's identity: the document type and the {@link IdDocument#identityKey() identity key} (the
     * normalised number without a travel permit's renewal count or issue letter), so that every document of one
     * person gives one index: the key of the one-ID-N-cards quota.
     */
    public String of(IdDocument document) {
        return of("id-document", document.type().name() + "|" + document.identityKey());
    }

    /**
     * The index of another normalised value, in its own domain so that equal text of different kinds (a phone, an
     * address) never collides: {@code of("phone", "13812345678")}.
     */
    public String of(String domain, String normalisedValue) {
        byte[] input = ("realsim/blind-index/v1|" + domain + "|" + normalisedValue).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(keys.blindIndex().computePrimary(input, 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The blind-index key cannot compute an index", e);
        }
    }
}
