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
     * The index of an ID address (the {@code SHARED_ADDRESS} risk rule compares addresses by it): the address
     * normalised first, so that the same address typed twice gives one index — full-width letters, digits and signs
     * become half-width, every space (also the ideographic one) goes, letters are lower case. {@code 福建省福州市 五四路
     * １００号Ａ座} and {@code 福建省福州市五四路100号a座} are one address.
     */
    public String ofAddress(String address) {
        return of("id-address", normalisedAddress(address));
    }

    static String normalisedAddress(String address) {
        StringBuilder clean = new StringBuilder(address.length());
        address.codePoints().forEach(c -> {
            int half = c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c; // the full-width ASCII block
            if (!Character.isWhitespace(half) && !Character.isSpaceChar(half)) {
                clean.appendCodePoint(half >= 'A' && half <= 'Z' ? half + ('a' - 'A') : half);
            }
        });
        return clean.toString();
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
