package com.realsim.audit;

import com.realsim.platform.HandOverStep;
import java.sql.Timestamp;
import lombok.RequiredArgsConstructor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit module's part of a hand-over, the last one: the enterprises' history follows them. No entry is rewritten;
 * {@code audit_enterprise_holder} records the agent that holds each enterprise now, and {@link AuditScope} reads an
 * agent's entries through it (see {@code V222__audit_enterprise_holder.sql}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@RequiredArgsConstructor
class AuditHandOverStep implements HandOverStep {

    private final JdbcClient jdbc;

    @Override
    public Moved handOver(HandOver handOver) {
        jdbc.sql("""
                        INSERT INTO audit_enterprise_holder (enterprise_id, agent_id, since)
                        SELECT id, :to, :at FROM unnest(CAST(:ids AS bigint[])) AS t(id)
                        ON CONFLICT (enterprise_id) DO UPDATE SET agent_id = excluded.agent_id, since = excluded.since""")
                .param("ids", handOver.ids())
                .param("to", handOver.toAgentId())
                .param("at", Timestamp.from(handOver.at()))
                .update();
        return Moved.NOTHING;
    }
}
