package com.realsim.enterprise;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/** An approved change made another person the enterprise's responsible person; the former one is kept as history. */
public record ResponsiblePersonChanged(Actor by, long enterpriseId, long agentId, String before, String after)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return new EnterpriseChanged(
                        by,
                        enterpriseId,
                        agentId,
                        "RESPONSIBLE_PERSON_CHANGED",
                        "APPROVED",
                        Map.of("before", before, "after", after))
                .auditFacts();
    }
}
