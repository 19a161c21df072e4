package com.realsim.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.realsim.platform.AgentQualifications;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers whether an agent is ACTIVE, from one indexed query whose answer each instance keeps for
 * {@code realsim.agents.qualification-check-ttl} (1 s): a change on this instance is seen by the next request after
 * its commit, a change on another instance within that time.
 */
@Component
class QualifiedAgents implements AgentQualifications {

    private final JdbcClient jdbc;
    private final Cache<Long, Boolean> active;

    QualifiedAgents(JdbcClient jdbc, @Value("${realsim.agents.qualification-check-ttl:1s}") Duration timeToLive) {
        this.jdbc = jdbc;
        this.active = Caffeine.newBuilder()
                .expireAfterWrite(timeToLive)
                .maximumSize(10_000)
                .build();
    }

    @Override
    public boolean mayChange(long agentId) {
        return active.get(agentId, this::readActive);
    }

    /** Drops the kept answer when the transaction that changes the agent ends, so this instance sees it at once. */
    void forgetWhenTheTransactionEnds(long agentId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                active.invalidate(agentId);
            }
        });
    }

    private boolean readActive(long agentId) {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM agent_organisation WHERE id = ? AND status <> 'ACTIVE')")
                .param(agentId)
                .query(Boolean.class)
                .single();
    }
}
