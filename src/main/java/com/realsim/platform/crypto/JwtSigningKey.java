package com.realsim.platform.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The RSA key that signs the Partner API's access tokens, as a JWK: from {@code realsim.keys.jwt-signing}, or
 * generated once under {@code ${realsim.data-dir}/keys}. Stable across restarts, so tokens survive them, and shared
 * by every instance that gets the same configuration.
 */
@Configuration(proxyBeanMethods = false)
class JwtSigningKey {

    @Bean
    JWKSource<SecurityContext> jwkSource(
            Environment environment,
            @Value("${realsim.data-dir}") Path dataDir,
            @Value("${realsim.keys.generate-if-missing:true}") boolean generateIfMissing) {
        String json = new KeyFiles(environment, dataDir.resolve("keys"), generateIfMissing)
                .load("jwt-signing", JwtSigningKey::generate);
        try {
            return new ImmutableJWKSet<>(new JWKSet(RSAKey.parse(json)));
        } catch (ParseException e) {
            throw new IllegalStateException("realsim.keys.jwt-signing is not an RSA JWK", e);
        }
    }

    private static String generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate()
                    .toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
