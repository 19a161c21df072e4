package com.realsim.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The changes of agents' qualification, kept for good: rows are added, never changed. */
@Component
@RequiredArgsConstructor
class AgentHistory {

    private final JdbcClient jdbc;

    void record(long agentId, AgentQualificationChanged change, Instant at) {
        jdbc.sql("""
                        INSERT INTO agent_status_change (agent_id, from_status, to_status, reason, changed_by, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                        agentId,
                        change.from().name(),
                        change.to().name(),
                        change.reason(),
                        change.by() == null ? "system" : change.by().name(),
                        Timestamp.from(at))
                .update();
    }

    /** Newest first. */
    List<AgentSummary.StatusChange> of(long agentId) {
        return jdbc.sql("""
                        SELECT from_status, to_status, reason, changed_by, changed_at FROM agent_status_change
                        WHERE agent_id = ? ORDER BY changed_at DESC, id DESC""")
                .param(agentId)
                .query((rs, row) -> new AgentSummary.StatusChange(
                        AgentStatus.valueOf(rs.getString("from_status")),
                        AgentStatus.valueOf(rs.getString("to_status")),
                        rs.getString("reason"),
                        rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }
}
