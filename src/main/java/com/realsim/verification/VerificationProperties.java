package com.realsim.verification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code realsim.verification.*}: which provider checks cases, the face similarity needed, self-service links'
 * lifetime and rate limits, and the external service's address, credentials, timeouts and retries.
 */
@ConfigurationProperties("realsim.verification")
record VerificationProperties(
        @DefaultValue("manual") Provider provider,
        @DefaultValue("0.80") double faceThreshold,
        @DefaultValue("72h") Duration linkTtl,
        @DefaultValue SelfService selfService,
        @DefaultValue Http http) {

    enum Provider {
        /** No external service: every case goes to OPS, labelled as such. */
        MANUAL,
        /** The external HTTP service of docs/verification.md. */
        HTTP
    }

    VerificationProperties {
        if (faceThreshold < 0 || faceThreshold > 1) {
            throw new IllegalArgumentException("realsim.verification.face-threshold lies between 0 and 1");
        }
        if (linkTtl.isNegative() || linkTtl.isZero()) {
            throw new IllegalArgumentException("realsim.verification.link-ttl must be positive");
        }
    }

    /**
     * @param submissionsPerHour submissions through one link per hour
     * @param invalidVisitsPerHour visits of unknown, used or expired links per client address per hour
     */
    record SelfService(
            @DefaultValue("5") int submissionsPerHour,
            @DefaultValue("20") int invalidVisitsPerHour) {}

    /**
     * @param baseUrl e.g. {@code https://verify.example.com}; required for the HTTP provider
     * @param apiKeyHeader the header carrying {@code apiKey}
     * @param maxAttempts attempts per call (1 = no retry) on connection failures, timeouts and 502/503/504
     * @param backoff the wait before the second attempt; it doubles before each further one
     */
    record Http(
            String baseUrl,
            @DefaultValue("X-Api-Key") String apiKeyHeader,
            String apiKey,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("500ms") Duration backoff) {

        @Override
        public String toString() {
            return "Http[" + baseUrl + ", key " + (apiKey == null || apiKey.isEmpty() ? "unset" : "set") + "]";
        }
    }
}
