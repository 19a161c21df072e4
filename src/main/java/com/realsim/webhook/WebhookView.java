package com.realsim.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A registered webhook as its owner sees it (never its secret), with its deliveries' standing.
 *
 * @param pending deliveries not yet answered 2xx and still retried
 * @param failed deliveries given up on after retrying for {@code realsim.webhooks.retry-for}
 * @param lastFailedAt when the latest of those was given up on
 */
public record WebhookView(
        long id,
        String url,
        List<WebhookEvent> events,
        Instant createdAt,
        long pending,
        long failed,
        Instant lastFailedAt) {}
