package com.realsim.audit;

import com.realsim.platform.Role;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of the audit trail as it is stored: the facts of an audited event, when it happened and when the trail
 * recorded it, and its link in the hash chain.
 *
 * @param at when the trail recorded the entry, to the microsecond (normally milliseconds after the act's commit; after
 *     an outage and a retry, later)
 * @param occurredAt when the event happened: the moment its module published it, inside the transaction that made the
 *     change, to the microsecond; null for entries recorded before the trail kept it
 * @param role the actor's role, null for the system and for sign-in attempts nobody is known for
 * @param details masked values, sorted by key
 * @param prevHash the hash of the entry before, or 64 zeros for the first one
 * @param hash the entry's link: {@code hex(HMAC-SHA256(key, prevHash || canonical form))}, or for entries recorded
 *     before the chain was keyed {@code hex(SHA-256(prevHash || canonical form))}; see {@link HashChain}
 */
public record AuditEntry(
        long id,
        Instant at,
        Instant occurredAt,
        String actor,
        Role role,
        Long agentId,
        Long enterpriseId,
        String action,
        String targetType,
        String targetId,
        String outcome,
        Map<String, Object> details,
        String prevHash,
        String hash) {

    /** The details for reading: nested values as compact JSON, in key order. */
    public Map<String, String> readableDetails() {
        Map<String, String> readable = new TreeMap<>();
        details.forEach((key, value) -> readable.put(key, value instanceof String s ? s : HashChain.json(value)));
        return readable;
    }

    /** This entry as the link after {@code prevHash}, with the link {@code hash} (null: not linked yet). */
    AuditEntry withLinks(String prevHash, String hash) {
        return new AuditEntry(
                id,
                at,
                occurredAt,
                actor,
                role,
                agentId,
                enterpriseId,
                action,
                targetType,
                targetId,
                outcome,
                details,
                prevHash,
                hash);
    }

    /** This entry with other details, not linked: what someone rewriting the trail would make of it. */
    AuditEntry withDetails(Map<String, Object> otherDetails) {
        return new AuditEntry(
                id,
                at,
                occurredAt,
                actor,
                role,
                agentId,
                enterpriseId,
                action,
                targetType,
                targetId,
                outcome,
                otherDetails,
                prevHash,
                null);
    }

    /** The key that {@link com.realsim.platform.web.Cursor} encodes: the next page starts after this entry. */
    public String cursorKey() {
        return HashChain.formatInstant(at) + "|" + id;
    }
}
