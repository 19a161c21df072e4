package com.realsim.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code realsim.webhooks.*}.
 *
 * @param allowedHosts hosts exempt from the URL rules (https, no loopback, link-local or private address): for
 *     development and tests only ({@code REALSIM_WEBHOOKS_ALLOWED_HOSTS}, comma-separated, e.g. {@code 127.0.0.1})
 * @param retryFor how long a delivery is retried before it is marked FAILED (the contract promises at least 24 h)
 * @param firstRetry the wait after the first failed attempt; each later wait doubles, up to {@code maxRetryDelay}
 * @param maxRetryDelay the longest wait between two attempts
 * @param connectTimeout how long a connection to a partner may take
 * @param timeout how long a partner may take to answer a delivery
 * @param batch how many deliveries an instance claims at a time
 * @param claim how long a claimed delivery stays with the instance sending it (after that another instance may take
 *     it: its sender died)
 * @param keepDelivered how long delivered (and failed) deliveries stay listed before the cleanup deletes them
 */
@ConfigurationProperties("realsim.webhooks")
public record WebhookProperties(
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("25h") Duration retryFor,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("50") int batch,
        @DefaultValue("2m") Duration claim,
        @DefaultValue("30d") Duration keepDelivered) {

    public WebhookProperties {
        allowedHosts = allowedHosts.stream()
                .map(String::strip)
                .filter(host -> !host.isEmpty())
                .map(host -> host.toLowerCase(Locale.ROOT))
                .toList();
    }

    /** Whether this host is listed in {@code REALSIM_WEBHOOKS_ALLOWED_HOSTS}. */
    boolean allowed(String host) {
        return allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }
}
