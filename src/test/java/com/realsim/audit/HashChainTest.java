package com.realsim.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.platform.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical form and the hash of an entry, pinned so that a trail written today verifies in ten years. */
class HashChainTest {

    static AuditEntry entry(Instant at, Map<String, Object> details) {
        return new AuditEntry(
                42, at, "admin", Role.ADMIN, 7L, null, "USER_CREATED", "USER", "42", "SUCCESS", details, null, null);
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
