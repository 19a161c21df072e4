package com.realsim.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The two header checks written without regular expressions decide exactly as the ones they replace: the bearer
 * token as Spring Security's {@code DefaultBearerTokenResolver} (same token, or the same refusal), header values as
 * the regular expression of its {@code StrictHttpFirewall}.
 */
class FasterHeaderChecksPropertiesTest {

    static final Pattern FIREWALL_HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    final BearerTokenHeader fast = new BearerTokenHeader();
    final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Property(tries = 3000)
    void headerValuesAreAllowedExactlyWhenTheFirewallsExpressionAllowsThem(@ForAll("headerValues") String value) {
        assertThat(new HeaderValues().test(value))
                .as(value.codePoints().mapToObj(Integer::toHexString).toList().toString())
                .isEqualTo(FIREWALL_HEADER_VALUE.matcher(value).matches());
    }

    @Property(tries = 3000)
    void theBearerTokenIsReadExactlyAsSpringSecurityReadsIt(@ForAll("authorizations") String authorization) {
        assertThat(outcome(fast, authorization)).as(authorization).isEqualTo(outcome(spring, authorization));
    }

    @Example
    void aWellFormedTokenIsReadAndAMalformedOneRefused() {
        assertThat(outcome(fast, "Bearer eyJhbGciOi.J9-_~+/x==")).isEqualTo("token:eyJhbGciOi.J9-_~+/x==");
        assertThat(outcome(fast, "bEaReR abc")).isEqualTo("token:abc");
        assertThat(outcome(fast, "Basic dXNlcjpwYXNz")).isEqualTo("none");
        assertThat(outcome(fast, "Bearer ")).isEqualTo("malformed");
        assertThat(outcome(fast, "Bearer a b")).isEqualTo("malformed");
        assertThat(outcome(fast, "Bearer ==")).isEqualTo("malformed");
        assertThat(outcome(fast, "Bearerabc")).isEqualTo("malformed");
        assertThatThrownBy(() -> fast.resolve(request("Bearer ab=c")))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("malformed");
    }

    @Provide
    Arbitrary<String> headerValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().ascii().ofMaxLength(40),
                Arbitraries.strings()
                        .withChars('a', '\t', '\n', '\u0000', '\u007f', '\u0085', '\u00a0', '\u0378', '\ud800')
                        .withChars('\udc00', '\uffff', '中', '\u200b')
                        .ofMaxLength(8));
    }

    @Provide
    Arbitrary<String> authorizations() {
        Arbitrary<String> scheme =
                Arbitraries.of("Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Basic ", "Bearerx ", "");
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ019-._~+/=").ofMaxLength(30),
                Arbitraries.strings().withChars("ab=/ \t,;\"").ofMaxLength(6),
                Arbitraries.strings().ascii().ofMaxLength(10));
        return net.jqwik.api.Combinators.combine(scheme, token).as((s, t) -> s + t);
    }

    private static String outcome(
            org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver,
            String authorization) {
        try {
            String token = resolver.resolve(request(authorization));
            return token == null ? "none" : "token:" + token;
        } catch (OAuth2AuthenticationException refused) {
            return "malformed";
        }
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/cards");
        request.addHeader("Authorization", authorization);
        return request;
    }
}
