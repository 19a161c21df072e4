package com.realsim.account;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent.AuditFacts;
import com.realsim.platform.AuditedEvents;
import com.realsim.platform.HandOverStep.Moved;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enterprises changed agent (a hand-over): in the trail one {@code ENTERPRISE_HANDED_OVER} entry per enterprise (read
 * by the agent that holds it now, with the enterprise's earlier history) and, when an agent's customers were handed
 * over as a whole, one {@code AGENT_CUSTOMERS_HANDED_OVER} entry on the agent with what moved; appended as one batch.
 *
 * @param wholeAgent whether these are all of the agent's customers (the agent's entry is written), or one enterprise
 * @param moved the totals of the whole hand-over
 */
public record CustomersHandedOver(
        long fromAgentId,
        long toAgentId,
        List<Long> enterpriseIds,
        String reason,
        Actor by,
        boolean wholeAgent,
        Moved moved)
        implements AuditedEvents {

    public CustomersHandedOver {
        enterpriseIds = List.copyOf(enterpriseIds);
    }

    @Override
    public List<AuditFacts> auditEntries() {
        List<AuditFacts> facts = new ArrayList<>(enterpriseIds.size() + 1);
        for (long enterpriseId : enterpriseIds) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("fromAgentId", fromAgentId);
            details.put("toAgentId", toAgentId);
            details.put("reason", reason);
            if (!wholeAgent) {
                details.put("cards", moved.cards());
                details.put("ordersCancelled", moved.ordersCancelled());
            }
            facts.add(AuditFacts.by(
                    by,
                    toAgentId,
                    enterpriseId,
                    "ENTERPRISE_HANDED_OVER",
                    "ENTERPRISE",
                    enterpriseId,
                    "SUCCESS",
                    details));
        }
        if (wholeAgent) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("toAgentId", toAgentId);
            details.put("reason", reason);
            details.put("enterprises", moved.enterprises());
            details.put("cards", moved.cards());
            details.put("ordersCancelled", moved.ordersCancelled());
            facts.add(AuditFacts.by(
                    by, fromAgentId, null, "AGENT_CUSTOMERS_HANDED_OVER", "AGENT", fromAgentId, "SUCCESS", details));
        }
        return facts;
    }
}
