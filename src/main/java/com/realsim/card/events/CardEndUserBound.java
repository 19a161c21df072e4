package com.realsim.card.events;

import com.realsim.identity.IdType;
import com.realsim.platform.Actor;
import java.time.Instant;
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
        implements CardEvent {

    @Override
    public Map<String, Object> details() {
        return Map.of(
                "name",
                maskedName,
                "idType",
                idType.name(),
                "idNumber",
                maskedIdNumber,
                "channel",
                channel,
                "replaced",
                replaced);
    }
}
