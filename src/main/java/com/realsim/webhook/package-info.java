/**
 * Webhooks (issue 15, the Partner API's "Webhooks"): partners' API clients register an https URL for some event types
 * and are told of their own tenant's cards, orders, verifications, exceptions and risk alerts instead of polling. Each
 * event becomes a delivery per subscribed webhook, written to PostgreSQL (the outbox) in the transaction that changed
 * the card or order, and sent by a recurring job that any instance runs: signed with the webhook's secret (HMAC-SHA256),
 * retried with exponential back-off for at least a day, at least once, in order per card. Data is masked as the API's
 * answers are.
 *
 * <p>A top module like export and risk: it listens to the other modules' events and reads, read-only, the rows an event
 * names (a verification case's tenant, an alert's cards); it writes only its own tables, and nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package com.realsim.webhook;
