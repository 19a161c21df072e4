package com.realsim.enterprise;

import com.realsim.platform.CurrentActor;
import com.realsim.platform.EnterpriseDirectory;
import com.realsim.platform.TenantScope;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets the account module attach ENTERPRISE_ADMIN accounts and API clients to enterprises by id, and find and lock the
 * enterprises of a hand-over.
 */
@Component
@RequiredArgsConstructor
class EnterpriseDirectoryAdapter implements EnterpriseDirectory {

    private final Enterprises enterprises;
    private final JdbcClient jdbc;

    @Override
    @Transactional(readOnly = true)
    public boolean exists(long enterpriseId) {
        return enterprises.existsById(enterpriseId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> name(long enterpriseId) {
        return enterprises.findById(enterpriseId).map(Enterprise::name);
    }

    @Override
    @Transactional(readOnly = true)
    public List<EnterpriseOption> options() {
        return enterprises.findAll(Sort.by("name")).stream()
                .map(e -> new EnterpriseOption(e.id(), e.name()))
                .toList();
    }

    @Override
    @Transactional
    public List<Long> lockEnterprisesOf(long agentId) {
        return jdbc.sql("SELECT id FROM enterprise WHERE agent_id = ? ORDER BY id FOR UPDATE")
                .param(agentId)
                .query(Long.class)
                .list();
    }

    @Override
    @Transactional
    public Optional<Long> lockAgentOf(long enterpriseId) {
        TenantScope scope = CurrentActor.scope();
        return jdbc.sql("SELECT agent_id FROM enterprise WHERE id = :id AND " + scope.sqlCondition("agent_id", "id")
                        + " FOR UPDATE")
                .param("id", enterpriseId)
                .param("scopeTenant", scope.sqlParameter())
                .query(Long.class)
                .optional();
    }
}
