package com.realsim.card;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** An ADMIN created ({@code before} null) or changed a rule of the real-name policy. */
public record RealNameRuleChanged(long ruleId, RealNameRuleDefinition before, RealNameRuleDefinition after, Actor by)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> details = new LinkedHashMap<>();
        if (before != null) {
            details.put("before", String.valueOf(before));
        }
        details.put("after", String.valueOf(after));
        return AuditFacts.by(
                by,
                null,
                null,
                before == null ? "REAL_NAME_RULE_CREATED" : "REAL_NAME_RULE_CHANGED",
                "REAL_NAME_RULE",
                ruleId,
                "SUCCESS",
                details);
    }
}
