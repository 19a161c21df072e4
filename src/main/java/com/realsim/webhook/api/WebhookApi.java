package com.realsim.webhook.api;

import com.realsim.platform.web.CursorPage;
import com.realsim.webhook.WebhookEvent;
import com.realsim.webhook.WebhookView;
import com.realsim.webhook.Webhooks;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner API, webhooks: an API client acting for an agent or an enterprise registers a URL for event types of its
 * own tenant (201 with the signing secret, shown this once), lists and deletes its own; another client's webhook
 * answers 404. ADMIN and OPS act for no tenant and register none (403).
 */
@RestController
@Tag(
        name = "Webhooks",
        description = "Partners are told of their own tenant's events, signed with HMAC-SHA256 (X-RealSIM-Signature).")
@RequestMapping("/api/v1/webhooks")
@PreAuthorize("hasAnyRole('AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class WebhookApi {

    private final Webhooks webhooks;

    /**
     * @param url where deliveries are POSTed: https, a public address
     * @param events the event types wanted (at least one)
     */
    record WebhookRequest(String url, List<String> events) {}

    /** @param secret the signing secret: shown this once, never again */
    record RegisteredAnswer(long id, String secret) {}

    /**
     * @param pending deliveries still being sent or retried
     * @param failed deliveries given up on after a day of retries
     * @param lastFailedAt when the latest was given up on
     */
    record WebhookAnswer(
            long id,
            String url,
            List<WebhookEvent> events,
            Instant createdAt,
            long pending,
            long failed,
            Instant lastFailedAt) {

        static WebhookAnswer of(WebhookView view) {
            return new WebhookAnswer(
                    view.id(),
                    view.url(),
                    view.events(),
                    view.createdAt(),
                    view.pending(),
                    view.failed(),
                    view.lastFailedAt());
        }
    }

    @PostMapping
    ResponseEntity<RegisteredAnswer> createWebhook(@RequestBody WebhookRequest request) {
        Webhooks.Registered registered = webhooks.register(request.url(), request.events());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new RegisteredAnswer(registered.id(), registered.secret()));
    }

    @GetMapping
    CursorPage<WebhookAnswer> listWebhooks(
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor) {
        return CursorPage.byId(size, cursor, webhooks::mine, WebhookView::id).map(WebhookAnswer::of);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> deleteWebhook(@PathVariable long id) {
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }
}
