package com.realsim.risk;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OPS required re-verification of an alert's cards: a {@code REVERIFICATION} case per card ({@code caseIds}, the
 * cards' ICCIDs in the same order) to pass before {@code deadline}. Recorded as {@code RISK_REVERIFICATION_REQUIRED}
 * with the reason; for webhooks and notifications to come ({@code REVERIFICATION_REQUIRED} of the partner API).
 */
public record ReverificationRequired(
        long alertId,
        RuleCode rule,
        Long agentId,
        Long enterpriseId,
        List<String> iccids,
        List<Long> caseIds,
        Instant deadline,
        String reason,
        Actor by)
        implements AuditedEvent {

    public ReverificationRequired {
        iccids = List.copyOf(iccids);
        caseIds = List.copyOf(caseIds);
    }

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("rule", rule.name());
        facts.put("reason", reason);
        facts.put("deadline", deadline.toString());
        facts.put("cards", iccids.size());
        facts.put("cases", caseIds.toString());
        return AuditFacts.by(
                by, agentId, enterpriseId, "RISK_REVERIFICATION_REQUIRED", "RISK_ALERT", alertId, "SUCCESS", facts);
    }
}
