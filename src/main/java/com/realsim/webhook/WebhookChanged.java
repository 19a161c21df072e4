package com.realsim.webhook;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A webhook registered ({@code WEBHOOK_REGISTERED}) or deleted ({@code WEBHOOK_DELETED}) by an API client, recorded for
 * the client's tenant: where the tenant's events go is a decision someone must answer for. The trail keeps the host
 * only (a URL's path or query may carry a partner's token) and how many event types it hears (the API lists them);
 * never the secret.
 */
public record WebhookChanged(
        String action, long webhookId, String host, List<String> events, Actor by, Long agentId, Long enterpriseId)
        implements AuditedEvent {

    static final String REGISTERED = "WEBHOOK_REGISTERED";
    static final String DELETED = "WEBHOOK_DELETED";

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("host", host);
        details.put("eventTypes", events.size());
        return AuditFacts.by(by, agentId, enterpriseId, action, "WEBHOOK", webhookId, "SUCCESS", details);
    }
}
