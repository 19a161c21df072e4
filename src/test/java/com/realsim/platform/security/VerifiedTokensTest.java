package com.realsim.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.verification.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A bearer token is verified once, remembered until it expires, and a changed token is verified again. */
class VerifiedTokensTest {

    final MutableClock clock = new MutableClock();
    final Instant issued = clock.instant();
    final List<String> verifiedByTheVerifier = new ArrayList<>();
    final JwtDecoder verifier = token -> {
        verifiedByTheVerifier.add(token);
        if (!token.startsWith("good")) {
            throw new BadJwtException("signature does not match");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("partner-" + token)
                .issuedAt(issued)
                .expiresAt(issued.plus(Duration.ofMinutes(30)))
                .build();
    };
    final VerifiedTokens tokens = new VerifiedTokens(verifier, clock, Duration.ofMinutes(30), 100);

    @Test
    void aTokenIsVerifiedOnceAndAnsweredFromMemoryWhileItIsValid() {
        Jwt first = tokens.decode("good-1");
        clock.advance(Duration.ofMinutes(29));
        Jwt again = tokens.decode("good-1");

        assertThat(again).isSameAs(first);
        assertThat(again.getSubject()).isEqualTo("partner-good-1");
        assertThat(verifiedByTheVerifier).containsExactly("good-1");
    }

    @Test
    void anExpiredTokenIsNotAnsweredFromMemoryButVerifiedAgain() {
        tokens.decode("good-2");
        clock.advance(Duration.ofMinutes(31));

        tokens.decode("good-2");

        assertThat(verifiedByTheVerifier).containsExactly("good-2", "good-2");
    }

    @Test
    void aTokenThatFailsIsNeverRememberedAndAnyChangedTokenIsVerifiedAgain() {
        tokens.decode("good-3");

        assertThatThrownBy(() -> tokens.decode("bad-good-3")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-good-3")).isInstanceOf(BadJwtException.class);
        tokens.decode("good-3x");

        assertThat(verifiedByTheVerifier).containsExactly("good-3", "bad-good-3", "bad-good-3", "good-3x");
    }
}
