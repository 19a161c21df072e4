package com.realsim.document;

import com.realsim.platform.HandOverStep;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The document module's part of a hand-over: the documents of the enterprises (certificates, ID photos, end users'
 * and orders' photos) are read by the new agent from now on. Their contents stay where and as they are stored.
 */
@Component
@Order(20)
@RequiredArgsConstructor
class DocumentHandOverStep implements HandOverStep {

    private final JdbcClient jdbc;

    @Override
    public Moved handOver(HandOver handOver) {
        jdbc.sql("UPDATE stored_document SET agent_id = :to WHERE enterprise_id = ANY(:ids)")
                .param("ids", handOver.ids())
                .param("to", handOver.toAgentId())
                .update();
        return Moved.NOTHING;
    }
}
