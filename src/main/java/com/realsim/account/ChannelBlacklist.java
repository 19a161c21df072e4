package com.realsim.account;

import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The USCCs of revoked agents (渠道黑名单): no agent may be created with one again. */
@Component
@RequiredArgsConstructor
class ChannelBlacklist {

    private final JdbcClient jdbc;

    boolean contains(String uscc) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM channel_blacklist WHERE uscc = ?)")
                .param(uscc)
                .query(Boolean.class)
                .single();
    }

    void add(String uscc, long agentId, String reason, Instant now) {
        jdbc.sql("""
                        INSERT INTO channel_blacklist (uscc, agent_id, reason, listed_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (uscc) DO NOTHING""")
                .params(uscc, agentId, reason, java.sql.Timestamp.from(now))
                .update();
    }
}
