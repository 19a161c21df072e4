package com.realsim.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.mac.HmacKey;
import com.google.crypto.tink.mac.HmacParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.util.SecretBytes;
import com.realsim.platform.Role;
import java.math.BigDecimal;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The canonical forms and the links of an entry, plain and keyed, and the seal of the switch point, pinned so that a
 * trail written today verifies in ten years (the values are computed independently in Python).
 */
class HashChainTest {

    static final Instant OCCURRED = Instant.parse("2026-03-01T08:15:29.000001Z");

    static AuditEntry entry(Instant at, Map<String, Object> details) {
        return new AuditEntry(
                42,
                at,
                OCCURRED,
                "admin",
                Role.ADMIN,
                7L,
                null,
                "USER_CREATED",
                "USER",
                "42",
                "SUCCESS",
                details,
                null,
                null);
    }

    /** A chain key with the given raw HMAC-SHA256 keys, the last one primary. */
    static ChainKey key(byte[]... keys) throws GeneralSecurityException {
        HmacParameters parameters = HmacParameters.builder()
                .setKeySizeBytes(32)
                .setTagSizeBytes(32)
                .setHashType(HmacParameters.HashType.SHA256)
                .setVariant(HmacParameters.Variant.NO_PREFIX)
                .build();
        MacConfig.register();
        KeysetHandle.Builder keyset = KeysetHandle.newBuilder();
        for (int i = 0; i < keys.length; i++) {
            KeysetHandle.Builder.Entry entry = KeysetHandle.importKey(HmacKey.builder()
                            .setParameters(parameters)
                            .setKeyBytes(SecretBytes.copyFrom(keys[i], InsecureSecretKeyAccess.get()))
                            .build())
                    .withRandomId();
            keyset.addEntry(i == keys.length - 1 ? entry.makePrimary() : entry);
        }
        return new ChainKey(keyset.build().getPrimitive(RegistryConfiguration.get(), Mac.class));
    }

    static byte[] bytes(int first) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (first + i);
        }
        return key;
    }

    static Map<String, Object> details() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("b", 1);
        nested.put("a", List.of(1.5, "x\"y\n"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", "张三-agent");
        details.put("role", "AGENT");
        details.put("nested", nested);
        return details;
    }

    @Test
    void theCanonicalFormIsCompactJsonWithSortedKeysAndMicrosecondTime() {
        assertThat(HashChain.canonical(entry(Instant.parse("2026-03-01T08:15:30.123456789Z"), details())))
                .isEqualTo("{\"action\":\"USER_CREATED\",\"actor\":\"admin\",\"agentId\":7,"
                        + "\"at\":\"2026-03-01T08:15:30.123456Z\",\"details\":{\"nested\":{\"a\":[1.5,\"x\\\"y\\n\"],"
                        + "\"b\":1},\"role\":\"AGENT\",\"username\":\"张三-agent\"},\"enterpriseId\":null,\"id\":42,"
                        + "\"outcome\":\"SUCCESS\",\"role\":\"ADMIN\",\"targetId\":\"42\",\"targetType\":\"USER\"}");
    }

    @Test
    void theHashIsSha256OfThePreviousHashAndTheCanonicalForm() {
        // Computed independently: sha256(("0" * 64 + canonical).encode("utf-8")) in Python, sort_keys, no spaces.
        assertThat(HashChain.hash(HashChain.GENESIS, entry(Instant.parse("2026-03-01T08:15:30.123456Z"), details())))
                .isEqualTo("e07aa413943f25f5cdbea186d85a277a0984893d31087d774fc318394f661b0d");
    }

    @Test
    void theKeyedCanonicalFormAddsWhenTheEventHappened() {
        assertThat(HashChain.keyedCanonical(entry(Instant.parse("2026-03-01T08:15:30.123456789Z"), details())))
                .isEqualTo("{\"action\":\"USER_CREATED\",\"actor\":\"admin\",\"agentId\":7,"
                        + "\"at\":\"2026-03-01T08:15:30.123456Z\",\"details\":{\"nested\":{\"a\":[1.5,\"x\\\"y\\n\"],"
                        + "\"b\":1},\"role\":\"AGENT\",\"username\":\"张三-agent\"},\"enterpriseId\":null,\"id\":42,"
                        + "\"occurredAt\":\"2026-03-01T08:15:29.000001Z\",\"outcome\":\"SUCCESS\",\"role\":\"ADMIN\","
                        + "\"targetId\":\"42\",\"targetType\":\"USER\"}");
    }

    @Test
    void theKeyedLinkIsHmacSha256OfThePreviousLinkAndTheKeyedCanonicalForm() throws Exception {
        // hmac.new(bytes(range(32)), ("0" * 64 + keyed canonical).encode("utf-8"), sha256) in Python.
        ChainKey key = key(bytes(0));
        AuditEntry entry = entry(Instant.parse("2026-03-01T08:15:30.123456Z"), details());
        String link = "e9da68b09e0ebdad6e16dbd2513ba2aedd4fddd33b7deb1c7967fbfcda253e40";

        assertThat(key.link(HashChain.GENESIS, entry)).isEqualTo(link);
        assertThat(key.links(HashChain.GENESIS, withHash(entry, link))).isTrue();
        assertThat(key.links("1".repeat(64), withHash(entry, link))).isFalse();
        assertThat(key.links(HashChain.GENESIS, withHash(entry, HashChain.hash(HashChain.GENESIS, entry))))
                .as("the plain SHA-256 link, which anyone can compute, is not a keyed link")
                .isFalse();
        assertThat(key(bytes(1)).links(HashChain.GENESIS, withHash(entry, link)))
                .as("another key")
                .isFalse();
    }

    @Test
    void theSwitchPointsSealIsHmacSha256OfItsIdAndLink() throws Exception {
        // hmac.new(bytes(range(32)), b"realsim/audit-chain/keyed-after/41/" + b"ab" * 32, sha256) in Python.
        ChainKey key = key(bytes(0));
        String seal = "bc578f4171100370c3521064dff051dcd6d26e107f3e7a2eecbb259804dc733d";

        assertThat(key.seal(41, "ab".repeat(32))).isEqualTo(seal);
        assertThat(key.sealHolds(41, "ab".repeat(32), seal)).isTrue();
        assertThat(key.sealHolds(42, "ab".repeat(32), seal)).isFalse();
        assertThat(key.sealHolds(41, "ac".repeat(32), seal)).isFalse();
        assertThat(key.sealHolds(41, "ab".repeat(32), null)).isFalse();
    }

    @Test
    void aRotatedKeysetStillVerifiesTheLinksOfTheKeyBefore() throws Exception {
        AuditEntry entry = entry(Instant.parse("2026-03-01T08:15:30.123456Z"), details());
        String old = key(bytes(0)).link(HashChain.GENESIS, entry);
        ChainKey rotated = key(bytes(0), bytes(100));

        assertThat(rotated.links(HashChain.GENESIS, withHash(entry, old))).isTrue();
        assertThat(rotated.link(HashChain.GENESIS, entry))
                .as("new links with the new primary key")
                .isNotEqualTo(old)
                .isEqualTo(key(bytes(100)).link(HashChain.GENESIS, entry));
    }

    static AuditEntry withHash(AuditEntry e, String hash) {
        return e.withLinks(e.prevHash(), hash);
    }

    @Test
    void theHashDependsOnThePreviousHashAndOnEveryValue() {
        Instant at = Instant.parse("2026-03-01T08:15:30.123456Z");
        String hash = HashChain.hash(HashChain.GENESIS, entry(at, details()));
        assertThat(HashChain.hash("1".repeat(64), entry(at, details()))).isNotEqualTo(hash);
        assertThat(HashChain.hash(HashChain.GENESIS, entry(at.plusNanos(1_000), details())))
                .isNotEqualTo(hash);
        Map<String, Object> changed = details();
        changed.put("role", "OPS");
        assertThat(HashChain.hash(HashChain.GENESIS, entry(at, changed))).isNotEqualTo(hash);
    }

    @Test
    void numbersHaveOneFormWhateverTheirJavaType() {
        assertThat(HashChain.json(List.of(5, 5L, 5.0, new BigDecimal("5.000"), 0.1, new BigDecimal("0.10"), 1e-7)))
                .isEqualTo("[5,5,5,5,0.1,0.1,0.0000001]");
        assertThat(HashChain.json(List.of(Double.NaN))).isEqualTo("[\"NaN\"]");
    }

    @Test
    void insertionOrderOfDetailsDoesNotMatter() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("a", 1);
        one.put("b", 2);
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("b", 2);
        other.put("a", 1);
        assertThat(HashChain.json(one)).isEqualTo(HashChain.json(other)).isEqualTo("{\"a\":1,\"b\":2}");
    }

    @Test
    void controlCharactersAreEscapedAndNulAndLoneSurrogatesAreMadeStorable() {
        assertThat(HashChain.json("a\u0001\tb\\")).isEqualTo("\"a\\u0001\\tb\\\\\"");
        assertThat(HashChain.storable("a\u0000b\uD800c\uD83D\uDE00")).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00");
        assertThat(HashChain.storable("plain")).isSameAs("plain");
    }
}
