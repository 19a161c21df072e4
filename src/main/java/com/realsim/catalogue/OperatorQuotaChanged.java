package com.realsim.catalogue;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/** An ADMIN changed how many cards one identity may hold at an operator. */
public record OperatorQuotaChanged(Operator operator, int before, int after, Actor by) implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.ofPlatform(
                by, "OPERATOR_QUOTA_CHANGED", "OPERATOR", operator.name(), Map.of("before", before, "after", after));
    }
}
