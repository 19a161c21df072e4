package com.realsim.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Checks each distinct bearer token once: the signature and claims of a token do not change, so a token that
 * verified is remembered, by its exact text, until it expires (at most {@code maximumTokens} of them). Checking the
 * RSA signature again on every request of a partner's busy integration was a fifth of the API's work per request
 * (see docs/benchmarks.md). What can change — whether the client is still enabled and its secret unrotated — is
 * asked of {@code ApiClientDirectory#activeClient}, whose answer each instance reuses for
 * {@code realsim.api.client-check-ttl} (1 s by default): a change on this instance is seen by the next request, a
 * change on another instance within that time.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder verifier, Clock clock, Duration tokenLifetime, long maximumTokens) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumTokens)
                .expireAfterWrite(tokenLifetime)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && unexpired(known)) {
            return known;
        }
        verified.invalidate(token);
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private boolean unexpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }
}
