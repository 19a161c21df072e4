package com.realsim.approval;

import com.realsim.platform.HandOverStep;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The approval module's part of a hand-over: the exception requests of the enterprises' cards change agent. */
@Component
@Order(40)
@RequiredArgsConstructor
class ExceptionHandOverStep implements HandOverStep {

    private final JdbcClient jdbc;

    @Override
    public Moved handOver(HandOver handOver) {
        jdbc.sql("UPDATE exception_request SET agent_id = :to, version = version + 1 WHERE enterprise_id = ANY(:ids)")
                .param("ids", handOver.ids())
                .param("to", handOver.toAgentId())
                .update();
        return Moved.NOTHING;
    }
}
