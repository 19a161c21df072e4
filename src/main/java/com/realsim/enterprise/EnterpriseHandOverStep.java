package com.realsim.enterprise;

import com.realsim.platform.HandOverStep;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The enterprise module's part of a hand-over: the enterprises, their responsible persons, change requests and
 * revisions change agent, one statement per table. An enterprise whose certificate number the receiving agent has
 * registered already refuses the whole hand-over (409 {@code ENTERPRISE_ALREADY_REGISTERED}): the two records are
 * for OPS to resolve, never merged.
 */
@Component
@Order(10)
@RequiredArgsConstructor
class EnterpriseHandOverStep implements HandOverStep {

    private final JdbcClient jdbc;

    @Override
    public Moved handOver(HandOver handOver) {
        List<String> clashes = jdbc.sql("""
                        SELECT e.certificate_number FROM enterprise e
                        WHERE e.id = ANY(:ids) AND e.certificate_number IS NOT NULL
                          AND EXISTS (SELECT 1 FROM enterprise o
                                      WHERE o.agent_id = :to AND o.certificate_number = e.certificate_number)
                        ORDER BY 1""")
                .param("ids", handOver.ids())
                .param("to", handOver.toAgentId())
                .query(String.class)
                .list();
        if (!clashes.isEmpty()) {
            throw new DomainException(
                            ErrorCode.ENTERPRISE_ALREADY_REGISTERED,
                            "enterprise.handOver.registeredAtTarget",
                            String.join(", ", clashes))
                    .with("certificateNumbers", clashes);
        }
        int enterprises = jdbc.sql("""
                        UPDATE enterprise SET agent_id = :to, version = version + 1
                        WHERE id = ANY(:ids) AND agent_id = :from""")
                .param("ids", handOver.ids())
                .param("to", handOver.toAgentId())
                .param("from", handOver.fromAgentId())
                .update();
        for (String table : List.of("responsible_person", "enterprise_change_request", "enterprise_revision")) {
            jdbc.sql("UPDATE " + table + " SET agent_id = :to WHERE enterprise_id = ANY(:ids)")
                    .param("ids", handOver.ids())
                    .param("to", handOver.toAgentId())
                    .update();
        }
        return new Moved(enterprises, 0, 0);
    }
}
