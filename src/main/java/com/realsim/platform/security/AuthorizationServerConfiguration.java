package com.realsim.platform.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.realsim.platform.jobs.Recurring;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Component;

/**
 * The OAuth 2.0 authorization server inside the application (Spring Authorization Server): partners exchange their
 * client id and secret for a signed, expiring access token at {@code POST /oauth2/token} (client credentials).
 * Clients come from the {@link RegisteredClientRepository} the account module provides; issued authorizations are
 * kept in PostgreSQL, and expired ones are deleted every hour.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(
            HttpSecurity http, RegisteredClientRepository clients, OAuth2AuthorizationService authorizations)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(
                        authorizationServer,
                        server -> server.registeredClientRepository(clients).authorizationService(authorizations))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
        ApiSecurityConfiguration.apiHeaders(http);
        return http.build();
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    /** The API's bearer tokens: signature and claims checked once per distinct token (see {@link VerifiedTokens}). */
    @Bean
    JwtDecoder jwtDecoder(
            JWKSource<SecurityContext> keys,
            Clock clock,
            @Value("${realsim.api.token-ttl:30m}") Duration tokenLifetime) {
        return new VerifiedTokens(
                OAuth2AuthorizationServerConfiguration.jwtDecoder(keys), clock, tokenLifetime, VERIFIED_TOKENS_KEPT);
    }

    /** About 20 MB at most: far more tokens than partners hold at once (each client keeps one for its lifetime). */
    static final long VERIFIED_TOKENS_KEPT = 10_000;

    /** Names the client's role and tenant in its tokens, for the partner's information; the API trusts the database. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tenantClaims() {
        return context -> context.getRegisteredClient()
                .getClientSettings()
                .getSettings()
                .forEach((name, value) -> {
                    if (name.startsWith("realsim.") && value != null) {
                        context.getClaims().claim(name.substring("realsim.".length()), value.toString());
                    }
                });
    }

    @Component
    static class ExpiredAuthorizations {

        private final JdbcTemplate jdbc;

        ExpiredAuthorizations(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Recurring(name = "platform-expired-authorizations", fixedDelay = "1h", initialDelay = "5m")
        void deleteExpired() {
            jdbc.update(
                    "DELETE FROM oauth2_authorization WHERE access_token_expires_at < ?",
                    java.sql.Timestamp.from(Instant.now().minusSeconds(3600)));
        }
    }
}
