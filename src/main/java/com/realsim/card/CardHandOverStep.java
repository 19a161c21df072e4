package com.realsim.card;

import com.realsim.platform.HandOverStep;
import java.sql.Timestamp;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The card module's part of a hand-over: the enterprises' cards, their end users (current and past) and their usage
 * rows change agent, one statement per table whatever the number of cards. Nothing else of a card changes: its
 * state, its blocking reasons and the one-ID-N-cards counters (their triggers do not fire on a change of agent).
 */
@Component
@Order(50)
@RequiredArgsConstructor
class CardHandOverStep implements HandOverStep {

    private final JdbcClient jdbc;

    @Override
    public Moved handOver(HandOver handOver) {
        int cards = jdbc.sql("""
                        UPDATE card SET agent_id = :to, updated_at = :at, version = version + 1
                        WHERE enterprise_id = ANY(:ids)""")
                .param("ids", handOver.ids())
                .param("to", handOver.toAgentId())
                .param("at", Timestamp.from(handOver.at()))
                .update();
        jdbc.sql("UPDATE card_end_user SET agent_id = :to, version = version + 1 WHERE enterprise_id = ANY(:ids)")
                .param("ids", handOver.ids())
                .param("to", handOver.toAgentId())
                .update();
        jdbc.sql("UPDATE card_usage SET agent_id = :to WHERE enterprise_id = ANY(:ids)")
                .param("ids", handOver.ids())
                .param("to", handOver.toAgentId())
                .update();
        return new Moved(0, cards, 0);
    }
}
