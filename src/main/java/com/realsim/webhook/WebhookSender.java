package com.realsim.webhook;

import com.realsim.platform.jobs.Recurring;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the due deliveries, on whichever instance runs the recurring job {@code webhook-deliver} (each due run on one
 * instance). Deliveries are claimed in batches with {@code FOR UPDATE SKIP LOCKED} and held for {@code
 * realsim.webhooks.claim}, so that two instances never send one delivery at once and a dead sender's claims pass to
 * another. A claimed batch is sent concurrently (one slow partner does not hold up the others), each delivery a POST
 * of its body signed with its webhook's secret; a 2xx marks it DELIVERED, anything else (or no answer within the
 * timeouts, or a host that now resolves to an internal address) is retried after an exponentially growing wait, and
 * after {@code realsim.webhooks.retry-for} marked FAILED. A card's next delivery to a webhook is not claimed while an
 * earlier one is PENDING: in order per card.
 */
@Component
class WebhookSender {

    static final String SIGNATURE_HEADER = "X-RealSIM-Signature";
    static final String EVENT_HEADER = "X-RealSIM-Event";
    static final String DELIVERY_HEADER = "X-RealSIM-Delivery";

    /** How long one run keeps claiming batches before it leaves the rest to the next run. */
    private static final Duration RUN_BUDGET = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final WebhookProperties properties;
    private final WebhookAddresses addresses;
    private final WebhookSecrets secrets;
    private final HttpClient http;

    WebhookSender(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            Clock clock,
            WebhookProperties properties,
            WebhookAddresses addresses,
            WebhookSecrets secrets) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.properties = properties;
        this.addresses = addresses;
        this.secrets = secrets;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** A claimed delivery and where it goes. */
    record Claimed(long id, long webhookId, String type, String eventId, String body, String url, byte[] secret) {}

    /** What one attempt came to: the answer's status (null: none) and, when it failed, why. */
    record Attempt(Integer status, String error) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @Recurring(name = "webhook-deliver", fixedDelay = "${realsim.webhooks.send-every:5s}")
    public void sendDue() {
        long started = System.nanoTime();
        while (System.nanoTime() - started < RUN_BUDGET.toNanos()) {
            List<Claimed> batch = transaction.execute(status -> claim());
            if (batch == null || batch.isEmpty()) {
                return;
            }
            List<CompletableFuture<Attempt>> attempts =
                    batch.stream().map(this::send).toList();
            for (int i = 0; i < batch.size(); i++) {
                Claimed claimed = batch.get(i);
                Attempt attempt = attempts.get(i).join();
                transaction.executeWithoutResult(status -> record(claimed, attempt));
            }
        }
    }

    /** The next due deliveries, each the earliest PENDING one of its card and webhook, held for this instance. */
    List<Claimed> claim() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE webhook_delivery d SET claimed_until = :until
                        FROM (SELECT p.id FROM webhook_delivery p
                              WHERE p.status = 'PENDING' AND p.next_attempt_at <= :now
                                AND (p.claimed_until IS NULL OR p.claimed_until <= :now)
                                AND (p.iccid IS NULL OR NOT EXISTS (
                                     SELECT 1 FROM webhook_delivery e
                                     WHERE e.webhook_id = p.webhook_id AND e.iccid = p.iccid
                                       AND e.status = 'PENDING' AND e.id < p.id))
                              ORDER BY p.next_attempt_at, p.id
                              LIMIT :batch
                              FOR UPDATE SKIP LOCKED) due,
                             webhook w
                        WHERE d.id = due.id AND w.id = d.webhook_id
                        RETURNING d.id, d.webhook_id, d.type, d.event_id, d.body, w.url, w.secret""")
                .param("until", Timestamp.from(now.plus(properties.claim())))
                .param("now", Timestamp.from(now))
                .param("batch", properties.batch())
                .query((rs, row) -> new Claimed(
                        rs.getLong("id"),
                        rs.getLong("webhook_id"),
                        rs.getString("type"),
                        rs.getString("event_id"),
                        rs.getString("body"),
                        rs.getString("url"),
                        rs.getBytes("secret")))
                .list();
    }

    /** One attempt: the address checked again (DNS rebinding), then the signed POST. */
    private CompletableFuture<Attempt> send(Claimed claimed) {
        URI uri = URI.create(claimed.url());
        Optional<String> problem = addresses.problem(uri);
        if (problem.isPresent()) {
            return CompletableFuture.completedFuture(new Attempt(null, problem.get()));
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "RealSIM-Webhooks/1")
                .header(
                        SIGNATURE_HEADER,
                        WebhookSecrets.signature(secrets.open(claimed.webhookId(), claimed.secret()), claimed.body()))
                .header(EVENT_HEADER, claimed.type())
                .header(DELIVERY_HEADER, claimed.eventId())
                .POST(HttpRequest.BodyPublishers.ofString(claimed.body()))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> new Attempt(
                        response.statusCode(),
                        response.statusCode() >= 200 && response.statusCode() < 300
                                ? null
                                : "HTTP " + response.statusCode()))
                .exceptionally(failure -> new Attempt(null, describe(failure)));
    }

    private void record(Claimed claimed, Attempt attempt) {
        Instant now = clock.instant();
        if (attempt.delivered()) {
            jdbc.sql("""
                            UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1,
                                   last_attempt_at = ?, last_status = ?, last_error = NULL, finished_at = ?,
                                   claimed_until = NULL
                            WHERE id = ?""")
                    .params(Timestamp.from(now), attempt.status(), Timestamp.from(now), claimed.id())
                    .update();
            return;
        }
        log.info(
                "Webhook {} delivery {} ({}) failed: {}",
                claimed.webhookId(),
                claimed.id(),
                claimed.type(),
                attempt.error());
        jdbc.sql("""
                        UPDATE webhook_delivery SET attempts = attempts + 1, last_attempt_at = :now,
                               last_status = :status, last_error = left(:error, 200), claimed_until = NULL,
                               status = CASE WHEN created_at + CAST(:retryFor AS interval) <= :now
                                             THEN 'FAILED' ELSE 'PENDING' END,
                               finished_at = CASE WHEN created_at + CAST(:retryFor AS interval) <= :now
                                                  THEN CAST(:now AS timestamptz) END,
                               next_attempt_at = CAST(:now AS timestamptz)
                                                 + make_interval(secs => least(
                                                       :first * power(2, attempts), :max))
                        WHERE id = :id""")
                .param("now", Timestamp.from(now))
                .param("status", attempt.status())
                .param("error", attempt.error())
                .param("retryFor", properties.retryFor().toSeconds() + " seconds")
                .param("first", (double) properties.firstRetry().toSeconds())
                .param("max", (double) properties.maxRetryDelay().toSeconds())
                .param("id", claimed.id())
                .update();
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** Delivered and failed deliveries leave the list after {@code realsim.webhooks.keep-delivered}. */
    @Recurring(name = "webhook-cleanup", fixedDelay = "${realsim.webhooks.cleanup-every:1h}", initialDelay = "5m")
    public void deleteFinished() {
        int deleted = jdbc.sql("DELETE FROM webhook_delivery WHERE status <> 'PENDING' AND finished_at <= ?")
                .param(Timestamp.from(clock.instant().minus(properties.keepDelivered())))
                .update();
        if (deleted > 0) {
            log.info("Deleted {} finished webhook deliveries", deleted);
        }
    }
}
