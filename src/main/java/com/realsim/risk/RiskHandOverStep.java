package com.realsim.risk;

import com.realsim.platform.HandOverStep;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The risk module's part of a hand-over: alerts follow the enterprises' cards to the new agent, so the new agent reads
 * the alerts on the cards it now serves (with their history) and the old one none of them, and the agent figures
 * count them for the agent that serves the cards now. One statement per table whatever the number of alerts.
 */
@Component
@Order(70)
@RequiredArgsConstructor
class RiskHandOverStep implements HandOverStep {

    private final JdbcClient jdbc;

    @Override
    public Moved handOver(HandOver handOver) {
        jdbc.sql("UPDATE risk_alert_card SET agent_id = :to WHERE enterprise_id = ANY(:ids)")
                .param("ids", handOver.ids())
                .param("to", handOver.toAgentId())
                .update();
        jdbc.sql("UPDATE risk_alert SET agent_id = :to, version = version + 1 WHERE enterprise_id = ANY(:ids)")
                .param("ids", handOver.ids())
                .param("to", handOver.toAgentId())
                .update();
        return Moved.NOTHING;
    }
}
