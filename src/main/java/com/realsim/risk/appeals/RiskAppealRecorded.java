package com.realsim.risk.appeals;

import com.realsim.card.BlockingReason;
import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something happened to an appeal: {@code RISK_APPEAL_FILED} (by the customer), {@code RISK_APPEAL_CLAIMED}, {@code
 * RISK_APPEAL_RELEASED}, {@code RISK_APPEAL_GRANTED} or {@code RISK_APPEAL_REJECTED} (by OPS, with the reason). The
 * entry's target is the card (by its ICCID), so the appeal is part of the card's history; the card's tenant reads it.
 */
public record RiskAppealRecorded(
        long appealId,
        String iccid,
        BlockingReason reason,
        String action,
        Long agentId,
        Long enterpriseId,
        Map<String, String> details,
        Actor by)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> facts = new LinkedHashMap<>(details);
        facts.put("appealId", appealId);
        facts.put("reason", reason.name());
        return AuditFacts.by(by, agentId, enterpriseId, action, "CARD", iccid, "SUCCESS", facts);
    }
}
