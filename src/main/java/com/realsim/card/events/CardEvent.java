package com.realsim.card.events;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Locale;
import java.util.Map;

/**
 * An audited event about one card: the card (by its ICCID) is the entry's target, its agent and enterprise the
 * trail's readers, and the action is the event's name ({@code CardActivated} is {@code CARD_ACTIVATED}). An event adds
 * its own details — masked values only.
 */
public interface CardEvent extends AuditedEvent {

    String iccid();

    Long agentId();

    Long enterpriseId();

    /** Whoever acted; null when the system did (an order's completion, a job, the usage feed). */
    default Actor by() {
        return null;
    }

    /** What the entry says beyond the card: masked values only. */
    default Map<String, Object> details() {
        return Map.of();
    }

    @Override
    default AuditFacts auditFacts() {
        String action =
                getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        return AuditFacts.by(by(), agentId(), enterpriseId(), action, "CARD", iccid(), "SUCCESS", details());
    }
}
