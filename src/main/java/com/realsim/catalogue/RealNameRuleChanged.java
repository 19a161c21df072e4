package com.realsim.catalogue;

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
        fields(after).forEach(details::put);
        if (before != null) {
            fields(before).forEach((field, value) -> details.put("before." + field, value));
        }
        return AuditFacts.ofPlatform(
                by,
                before == null ? "REAL_NAME_RULE_CREATED" : "REAL_NAME_RULE_CHANGED",
                "REAL_NAME_RULE",
                ruleId,
                details);
    }

    /** The rule's fields as the trail keeps them: codes and plain values; a match field that matches anything is left out. */
    static Map<String, Object> fields(RealNameRuleDefinition rule) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("priority", rule.priority());
        fields.put("code", rule.code());
        if (rule.msisdnPrefix() != null) {
            fields.put("msisdnPrefix", rule.msisdnPrefix());
        }
        if (rule.testPackage() != null) {
            fields.put("testPackage", rule.testPackage());
        }
        if (rule.dataDirectional() != null) {
            fields.put("dataDirectional", rule.dataDirectional());
        }
        if (rule.voiceSms() != null) {
            fields.put("voiceSms", rule.voiceSms().name());
        }
        fields.put("endUserRequired", rule.endUserRequired());
        fields.put("exceptionKind", rule.exceptionKind().name());
        return fields;
    }
}
