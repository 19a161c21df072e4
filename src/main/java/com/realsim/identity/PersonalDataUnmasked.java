package com.realsim.identity;

import com.realsim.platform.AuditedEvent;
import com.realsim.platform.Role;
import java.time.Instant;
import java.util.Map;

/**
 * Someone was shown one clear personal value: who, when, which field of which record, and why. Never the value
 * itself.
 */
public record PersonalDataUnmasked(
        String actor, Role role, String targetType, long targetId, String field, String reason, Instant at)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> details = Map.of("field", field, "reason", reason);
        String target = String.valueOf(targetId);
        return new AuditFacts(
                actor, role, null, null, "PERSONAL_DATA_UNMASKED", targetType, target, "SUCCESS", details);
    }
}
