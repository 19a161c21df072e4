package com.realsim.verification;

import com.realsim.platform.HandOverStep;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The verification module's part of a hand-over: the enterprises' verification cases (open ones stay in OPS' queue
 * as they are) and self-service links change agent.
 */
@Component
@Order(30)
@RequiredArgsConstructor
class VerificationHandOverStep implements HandOverStep {

    private final JdbcClient jdbc;

    @Override
    public Moved handOver(HandOver handOver) {
        jdbc.sql("UPDATE verification_case SET agent_id = :to, version = version + 1 WHERE enterprise_id = ANY(:ids)")
                .param("ids", handOver.ids())
                .param("to", handOver.toAgentId())
                .update();
        jdbc.sql("UPDATE self_service_link SET agent_id = :to WHERE enterprise_id = ANY(:ids)")
                .param("ids", handOver.ids())
                .param("to", handOver.toAgentId())
                .update();
        return Moved.NOTHING;
    }
}
