package com.realsim.order;

import com.realsim.platform.HandOverStep;
import java.sql.Timestamp;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The order module's part of a hand-over: the enterprises' open orders are cancelled with the hand-over's reason
 * (their cards are free again, the trail records each), then every order of the enterprises changes agent. Set-based:
 * one statement for the cancellation, one for the cards of the cancelled orders, one for the agent.
 */
@Component
@Order(60)
@RequiredArgsConstructor
class OrderHandOverStep implements HandOverStep {

    /** How many cancelled orders one publication carries (one batch of audit entries). */
    static final int EVENT_ORDERS = 1_000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    @Override
    public Moved handOver(HandOver handOver) {
        List<OrdersCancelledByHandOver.Cancelled> cancelled = jdbc
                .sql("""
                        UPDATE business_order SET status = 'CANCELLED', closed_by = :by, closed_at = :at,
                                                  version = version + 1
                        WHERE enterprise_id = ANY(:ids) AND status = 'AWAITING_VERIFICATION'
                        RETURNING id, enterprise_id, type""")
                .param("ids", handOver.ids())
                .param("by", handOver.by() == null ? "system" : handOver.by().name())
                .param("at", Timestamp.from(handOver.at()))
                .query((rs, row) -> new OrdersCancelledByHandOver.Cancelled(
                        rs.getLong("id"), rs.getLong("enterprise_id"), OrderType.valueOf(rs.getString("type"))))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparingLong(OrdersCancelledByHandOver.Cancelled::orderId))
                .toList();
        if (!cancelled.isEmpty()) {
            jdbc.sql("UPDATE business_order_card SET open = false WHERE order_id = ANY(:orders) AND open")
                    .param(
                            "orders",
                            cancelled.stream()
                                    .map(OrdersCancelledByHandOver.Cancelled::orderId)
                                    .toArray(Long[]::new))
                    .update();
        }
        jdbc.sql("UPDATE business_order SET agent_id = :to, version = version + 1 WHERE enterprise_id = ANY(:ids)")
                .param("ids", handOver.ids())
                .param("to", handOver.toAgentId())
                .update();
        for (int from = 0; from < cancelled.size(); from += EVENT_ORDERS) {
            events.publishEvent(new OrdersCancelledByHandOver(
                    handOver.fromAgentId(),
                    handOver.toAgentId(),
                    handOver.reason(),
                    handOver.by(),
                    handOver.at(),
                    cancelled.subList(from, Math.min(cancelled.size(), from + EVENT_ORDERS))));
        }
        return new Moved(0, 0, cancelled.size());
    }
}
