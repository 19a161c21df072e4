package com.realsim.platform.crypto;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The keys of the Partner API's access tokens ({@link KeyName#JWT_SIGNING}): the first key of the set signs new
 * tokens; the set published at {@code /oauth2/jwks}, and used to verify tokens, also holds the keys a rotation
 * replaced until their last tokens have expired (their JWK {@code exp}). The same keys on every instance, so a token
 * from one is good on all.
 */
@Configuration(proxyBeanMethods = false)
class JwtKeys {

    /** Every key whose tokens may still be valid; a token naming a key this instance lacks makes it look again. */
    @Bean
    JWKSource<SecurityContext> jwkSource(KeyRing keys, Clock clock) {
        return (selector, context) -> {
            List<JWK> found = selector.select(published(keys, clock));
            if (found.isEmpty() && keys.refreshNow()) {
                found = selector.select(published(keys, clock));
            }
            return found;
        };
    }

    /** Signs with the first key only (Nimbus refuses to choose among several). */
    @Bean
    JwtEncoder jwtEncoder(KeyRing keys) {
        return new NimbusJwtEncoder((selector, context) ->
                selector.select(new JWKSet(keys.jwtKeys().getKeys().get(0))));
    }

    private static JWKSet published(KeyRing keys, Clock clock) {
        return new JWKSet(keys.jwtKeys().getKeys().stream()
                .filter(key -> key.getExpirationTime() == null
                        || key.getExpirationTime().toInstant().isAfter(clock.instant()))
                .toList());
    }
}
