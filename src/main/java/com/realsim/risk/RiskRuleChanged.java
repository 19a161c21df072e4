package com.realsim.risk;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** ADMIN changed a rule ({@code RISK_RULE_CHANGED}: on/off, severity and parameters, before and after). */
public record RiskRuleChanged(RuleCode code, RiskRuleView before, RiskRuleView after, Actor by)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enabled", after.enabled());
        details.put("severity", after.severity().name());
        after.parameters().forEach((name, value) -> details.put(name, value.toPlainString()));
        details.put("before.enabled", before.enabled());
        details.put("before.severity", before.severity().name());
        before.parameters().forEach((name, value) -> details.put("before." + name, value.toPlainString()));
        return AuditFacts.ofPlatform(by, "RISK_RULE_CHANGED", "RISK_RULE", code.name(), details);
    }
}
