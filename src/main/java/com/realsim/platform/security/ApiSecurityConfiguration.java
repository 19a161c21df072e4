package com.realsim.platform.security;

import com.realsim.platform.ApiClientDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The Partner API's filter chain for {@code /api/**}: stateless bearer tokens issued by the built-in authorization
 * server, no session, no CSRF (no cookie is ever sent), per-client rate limits and {@code Idempotency-Key} handling,
 * and problem-detail answers for 401 and 403. A token of a client that was disabled or rotated since stops working.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    /** JSON answers load nothing and are framed nowhere; their addresses are no one else's business. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** The headers of answers that are not pages: the Partner API's and the authorization server's. */
    static void apiHeaders(HttpSecurity http) throws Exception {
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(
            HttpSecurity http,
            ProblemResponses problems,
            ApiClientDirectory clients,
            RateLimitFilter rateLimits,
            IdempotencyFilter idempotency)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.bearerTokenResolver(new BearerTokenHeader())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> clients.activeClient(
                                        token.getSubject(),
                                        token.getClaimAsString(ApiClientDirectory.CREDENTIALS_VERSION_CLAIM))
                                .map(actor -> new ApiClientAuthentication(token, actor))
                                .orElseThrow(() -> new InvalidBearerTokenException("The client is not active"))))
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(rateLimits, AuthorizationFilter.class)
                .addFilterAfter(idempotency, AuthorizationFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()));
        apiHeaders(http);
        return http.build();
    }

    /**
     * No observation of Spring Security's filters, authentications and authorizations. Switching their metrics off
     * ({@code management.observations.enable.spring.security}) still wrapped each filter of each request in an
     * observing filter that observed nothing (≈ 3 % of a card-status read, docs/benchmarks.md); without observations
     * the filter chain runs its filters directly.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's strict firewall, for every request, with its header-value rule checked without a regex. */
    @Bean
    WebSecurityCustomizer strictFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(new HeaderValues());
        return web -> web.httpFirewall(firewall);
    }
}
