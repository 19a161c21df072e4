package com.realsim.card.events;

import com.realsim.identity.IdType;
import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An end user was bound to a card (by an agent, or by the end user through a self-service link), taking a slot of
 * the one-ID-N-cards quota. Masked values only.
 *
 * @param channel {@code AGENT} or {@code SELF_SERVICE}
 * @param replaced whether another binding (of this or another identity) ended with it
 * @param by the agent, or null for the end user's own submission
 */
public record CardEndUserBound(
        Long cardId,
        String iccid,
        Long agentId,
        Long enterpriseId,
        String maskedName,
        IdType idType,
        String maskedIdNumber,
        String channel,
        boolean replaced,
        Actor by,
        Instant at)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", maskedName);
        details.put("idType", idType.name());
        details.put("idNumber", maskedIdNumber);
        details.put("channel", channel);
        details.put("replaced", replaced);
        return AuditFacts.by(by, agentId, enterpriseId, "CARD_END_USER_BOUND", "CARD", iccid, "SUCCESS", details);
    }
}
