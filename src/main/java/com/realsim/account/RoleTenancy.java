package com.realsim.account;

import com.realsim.platform.EnterpriseDirectory;
import com.realsim.platform.Role;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The role a new account or API client is given and the tenant it acts for: an agent role needs an active agent
 * organisation, an enterprise role a known enterprise. What a role does not need is not kept.
 */
@Component
@RequiredArgsConstructor
class RoleTenancy {

    private final AgentOrganisations agents;
    private final ObjectProvider<EnterpriseDirectory> enterprises;

    /** What is wrong with the role and its tenant, on the fields {@code role}, {@code agentId}, {@code enterpriseId}. */
    List<FieldProblem> problems(Role role, Long agentId, Long enterpriseId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (role == null) {
            problems.add(new FieldProblem("role", ErrorCode.VALIDATION_FAILED, "NotNull"));
            return problems;
        }
        if (role.needsAgent()
                && (agentId == null
                        || agents.findById(agentId)
                                .filter(a -> a.status() == AgentStatus.ACTIVE)
                                .isEmpty())) {
            problems.add(new FieldProblem("agentId", ErrorCode.VALIDATION_FAILED, "account.agent.unknown"));
        }
        if (role.needsEnterprise()) {
            EnterpriseDirectory directory = enterprises.getIfAvailable();
            if (enterpriseId == null || directory == null || !directory.exists(enterpriseId)) {
                problems.add(
                        new FieldProblem("enterpriseId", ErrorCode.VALIDATION_FAILED, "account.enterprise.unknown"));
            }
        }
        return problems;
    }

    /** The agent organisation a role acts for, if it needs one. */
    static Long agentOf(Role role, Long agentId) {
        return role.needsAgent() ? agentId : null;
    }

    /** The enterprise a role acts for, if it needs one. */
    static Long enterpriseOf(Role role, Long enterpriseId) {
        return role.needsEnterprise() ? enterpriseId : null;
    }
}
