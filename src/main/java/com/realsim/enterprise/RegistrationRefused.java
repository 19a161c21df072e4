package com.realsim.enterprise;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * An agent tried to register an enterprise, or correct one, to a USCC another record holds. For OPS only: the entry
 * names no agent or enterprise as its owner, so neither the agent that tried nor the one that serves the enterprise
 * reads it; the details say who tried and which record holds the code (a USCC is a public record, not personal data).
 *
 * @param heldBy the record that holds the code, null if it was gone by the time the refusal was recorded
 */
record RegistrationRefused(Actor by, String certificateNumber, Long heldBy) implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> details = new HashMap<>();
        details.put("certificateNumber", certificateNumber);
        if (by.agentId() != null) {
            details.put("agentId", by.agentId());
        }
        if (heldBy != null) {
            details.put("heldBy", heldBy);
        }
        return new AuditFacts(
                by.name(),
                by.role(),
                null,
                null,
                "ENTERPRISE_ALREADY_REGISTERED",
                "ENTERPRISE",
                heldBy == null ? null : heldBy.toString(),
                "REFUSED",
                details);
    }
}
