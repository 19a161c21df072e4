package com.realsim.risk;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ADMIN changed the module's settings ({@code RISK_SETTINGS_CHANGED}) or imported handset codes ({@code
 * HANDSET_TACS_IMPORTED}: how many).
 */
public record RiskSettingsChanged(String action, Map<String, String> details, Actor by) implements AuditedEvent {

    static RiskSettingsChanged settings(RiskSettings before, RiskSettings after, Actor by) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("reverificationDeadline", after.reverificationDeadline().toString());
        details.put("dismissalCooldown", after.dismissalCooldown().toString());
        details.put(
                "before.reverificationDeadline", before.reverificationDeadline().toString());
        details.put("before.dismissalCooldown", before.dismissalCooldown().toString());
        return new RiskSettingsChanged("RISK_SETTINGS_CHANGED", details, by);
    }

    static RiskSettingsChanged handsetTacs(HandsetTacImport outcome, Actor by) {
        return new RiskSettingsChanged(
                "HANDSET_TACS_IMPORTED",
                Map.of(
                        "imported", Integer.toString(outcome.imported()),
                        "rejected", Integer.toString(outcome.rejected().size())),
                by);
    }

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.ofPlatform(by, action, "RISK_SETTINGS", "risk", Map.copyOf(details));
    }
}
