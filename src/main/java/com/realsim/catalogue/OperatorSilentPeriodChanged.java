package com.realsim.catalogue;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/** An ADMIN changed an operator's silent period (沉默期, days): how long a card may wait for activation. */
public record OperatorSilentPeriodChanged(Operator operator, int before, int after, Actor by) implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.ofPlatform(
                by,
                "OPERATOR_SILENT_PERIOD_CHANGED",
                "OPERATOR",
                operator.name(),
                Map.of("before", before, "after", after));
    }
}
