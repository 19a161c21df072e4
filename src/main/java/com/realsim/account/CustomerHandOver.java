package com.realsim.account;

import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.EnterpriseDirectory;
import com.realsim.platform.HandOverStep;
import com.realsim.platform.HandOverStep.HandOver;
import com.realsim.platform.HandOverStep.Moved;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.review.DecisionReason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hand-over (issue 14): an agent's customers — its enterprises with their cards, end users, documents, orders and
 * history — move to another, ACTIVE agent in one transaction; their open orders are cancelled with the reason.
 *
 * <p>The two agents' rows are locked (in id order) and then the enterprises'; every module that keeps rows of them
 * moves its own through its {@link HandOverStep}, set-based and in this transaction, in their order (enterprise,
 * document, verification, approval, card, order, audit): a step that fails leaves nothing moved. The trail gets one
 * entry per enterprise and one for the agent ({@link CustomersHandedOver}, one batch).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CustomerHandOver {

    static final String TO_AGENT = "toAgentId";

    private final JdbcClient jdbc;
    private final EnterpriseDirectory enterprises;
    private final ObjectProvider<HandOverStep> steps;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * ADMIN: every enterprise of a SUSPENDED or REVOKED agent goes to an ACTIVE one.
     *
     * @throws NotFoundException for an unknown agent (either)
     * @throws ValidationException no reason, no target, or the agent itself as the target (400); a target that is not
     *     ACTIVE (422 {@code AGENT_NOT_QUALIFIED}), each on its field
     * @throws DomainException {@code ILLEGAL_STATE_TRANSITION} (409) when the agent is ACTIVE: suspend it first
     */
    @Transactional
    public Moved handOverAgent(long fromAgentId, Long toAgentId, String reason) {
        Actor admin = CurrentActor.require(Role.ADMIN);
        Map<Long, AgentStatus> agents = lockAgents(fromAgentId, toAgentId);
        if (!agents.containsKey(fromAgentId)) {
            throw new NotFoundException();
        }
        String why = checkRequest(fromAgentId, toAgentId, reason, agents);
        if (agents.get(fromAgentId) == AgentStatus.ACTIVE) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "account.handOver.fromActive");
        }
        List<Long> ids = enterprises.lockEnterprisesOf(fromAgentId);
        return handOver(new HandOver(fromAgentId, toAgentId, ids, why, admin, clock.instant()), true);
    }

    /**
     * One enterprise changes agent: by an ADMIN (whatever its agent's status), or by the AGENT that holds it, to
     * another ACTIVE agent. Another tenant's enterprise is not found (404).
     */
    @Transactional
    public Moved handOverEnterprise(long enterpriseId, Long toAgentId, String reason) {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.ADMIN) && !actor.is(Role.AGENT)) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        long fromAgentId = enterprises.lockAgentOf(enterpriseId).orElseThrow(NotFoundException::new);
        Map<Long, AgentStatus> agents = lockAgents(fromAgentId, toAgentId);
        String why = checkRequest(fromAgentId, toAgentId, reason, agents);
        return handOver(
                new HandOver(fromAgentId, toAgentId, List.of(enterpriseId), why, actor, clock.instant()), false);
    }

    private Moved handOver(HandOver handOver, boolean wholeAgent) {
        Moved moved = steps.orderedStream().map(step -> step.handOver(handOver)).reduce(Moved.NOTHING, Moved::plus);
        events.publishEvent(new CustomersHandedOver(
                handOver.fromAgentId(),
                handOver.toAgentId(),
                handOver.enterpriseIds(),
                handOver.reason(),
                handOver.by(),
                wholeAgent,
                moved));
        return moved;
    }

    /** The reason; the target must be given, another agent, known (404) and ACTIVE. */
    private static String checkRequest(long fromAgentId, Long toAgentId, String reason, Map<Long, AgentStatus> agents) {
        List<FieldProblem> problems = new ArrayList<>();
        String why = null;
        try {
            why = DecisionReason.required(reason);
        } catch (ValidationException e) {
            problems.addAll(e.fieldProblems());
        }
        if (toAgentId == null) {
            problems.add(new FieldProblem(TO_AGENT, ErrorCode.VALIDATION_FAILED, "account.handOver.toAgentNeeded"));
        } else if (toAgentId == fromAgentId) {
            problems.add(new FieldProblem(TO_AGENT, ErrorCode.VALIDATION_FAILED, "account.handOver.sameAgent"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        AgentStatus target = agents.get(toAgentId);
        if (target == null) {
            throw new NotFoundException();
        }
        if (target != AgentStatus.ACTIVE) {
            throw new ValidationException(
                    new FieldProblem(TO_AGENT, ErrorCode.AGENT_NOT_QUALIFIED, "account.handOver.toNotActive"));
        }
        return why;
    }

    /** Locks both agents' rows, in id order (two hand-overs between the same agents never deadlock). */
    private Map<Long, AgentStatus> lockAgents(long fromAgentId, Long toAgentId) {
        Map<Long, AgentStatus> statuses = new HashMap<>();
        jdbc.sql("SELECT id, status FROM agent_organisation WHERE id = ANY(:ids) ORDER BY id FOR UPDATE")
                .param("ids", toAgentId == null ? new Long[] {fromAgentId} : new Long[] {fromAgentId, toAgentId})
                .query(rs -> {
                    statuses.put(rs.getLong("id"), AgentStatus.valueOf(rs.getString("status")));
                });
        return statuses;
    }
}
