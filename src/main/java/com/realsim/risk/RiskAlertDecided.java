package com.realsim.risk;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OPS acted on an alert: {@code RISK_ALERT_DISMISSED} (with the reason and until when it stays quiet), {@code
 * RISK_ALERT_CLAIMED} or {@code RISK_ALERT_RELEASED}. The alert's tenant, where it has one, reads the entry.
 */
public record RiskAlertDecided(
        long alertId,
        RuleCode rule,
        String action,
        Long agentId,
        Long enterpriseId,
        Map<String, String> details,
        Actor by)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> facts = new LinkedHashMap<>(details);
        facts.put("rule", rule.name());
        return AuditFacts.by(by, agentId, enterpriseId, action, "RISK_ALERT", alertId, "SUCCESS", facts);
    }
}
