package com.realsim.risk.channels;

import com.realsim.platform.Labelled;
import java.util.function.ToLongFunction;

/** One figure of an agent, by which the agents can be sorted. */
public enum AgentFigure implements Labelled {
    REGISTRATIONS(AgentFigures::registrations),
    REJECTIONS(AgentFigures::rejections),
    ORDERS(AgentFigures::orders),
    CARDS_BOUND(AgentFigures::cardsBound),
    RISK_ALERTS(AgentFigures::riskAlerts),
    REVERIFICATIONS_FAILED(AgentFigures::reverificationsFailed);

    private final ToLongFunction<AgentFigures> value;

    AgentFigure(ToLongFunction<AgentFigures> value) {
        this.value = value;
    }

    public long of(AgentFigures agent) {
        return value.applyAsLong(agent);
    }

    @Override
    public String messageKey() {
        return "channels.figure." + name();
    }
}
