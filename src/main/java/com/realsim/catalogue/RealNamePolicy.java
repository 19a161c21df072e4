package com.realsim.catalogue;

import com.realsim.catalogue.domain.RealNameRule;
import com.realsim.catalogue.domain.RealNameRules;
import com.realsim.platform.Actor;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The real-name requirement of a card, decided by data: the rules of {@code real_name_rule} in priority order, the
 * first that matches the card's plan and number wins. When none matches (an ADMIN removed the catch-all), the
 * answer fails closed: end user required, no exception possible.
 *
 * <p>Every card shown or checked needs the rules, and they change rarely (an ADMIN's edit): they are read once and
 * kept for {@code realsim.card.rules-ttl} (default 10 s). An edit through this service is seen at once here, after
 * its commit; an edit on another application instance within the TTL.
 */
@Service
public class RealNamePolicy {

    private final RealNameRules rules;
    private final Clock clock;
    private final long ttlNanos;
    private volatile Snapshot snapshot;

    RealNamePolicy(RealNameRules rules, Clock clock, @Value("${realsim.card.rules-ttl:10s}") Duration ttl) {
        this.rules = rules;
        this.clock = clock;
        this.ttlNanos = ttl.toNanos();
    }

    /**
     * No transaction of its own: the rules are kept in memory (a miss reads them in the repository's transaction), and
     * every card read asks, often while its caller needs its connection for nothing else.
     */
    public RealNameRequirement requirementFor(ServicePlanSummary plan, String number) {
        return evaluate(orderedRules(), plan, number);
    }

    /**
     * Drops the rules kept on this instance: the next question reads them again. For work that must judge on the rules
     * as they are now (re-judging cards after an edit, possibly made on another instance within the TTL).
     */
    public void readAgain() {
        snapshot = null;
    }

    /** The rules in priority order, from the last read while it is younger than the TTL. */
    private List<RealNameRule> orderedRules() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current == null || now - current.readAt() > ttlNanos) {
            current = new Snapshot(List.copyOf(rules.findAllByOrderByPriorityAsc()), now);
            snapshot = current;
        }
        return current.rules();
    }

    private record Snapshot(List<RealNameRule> rules, long readAt) {}

    /**
     * When an edit's transaction ends, the next card reads the rules again: after a commit to see the edit (not
     * before, it would keep the old rules), and after a rollback too, since the rules kept may be the very objects the
     * edit changed in memory.
     */
    private void forgetRulesWhenTheTransactionEnds() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                snapshot = null;
            }
        });
    }

    static RealNameRequirement evaluate(List<RealNameRule> ordered, ServicePlanSummary plan, String number) {
        for (RealNameRule rule : ordered) {
            if (rule.matches(plan, number)) {
                return rule.requirement();
            }
        }
        return RealNameRequirement.noRuleMatched();
    }

    @Transactional(readOnly = true)
    public List<RealNameRuleView> rules() {
        return rules.findAllByOrderByPriorityAsc().stream()
                .map(RealNameRule::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public RealNameRuleView rule(long id) {
        return rules.findById(id).map(RealNameRule::view).orElseThrow(NotFoundException::new);
    }

    @Transactional
    public RealNameRuleView create(RealNameRuleDefinition definition, Actor actor) {
        checkUnique(definition, -1);
        RealNameRule rule = rules.save(new RealNameRule(definition, actor, clock.instant()));
        rule.registerCreated(actor);
        forgetRulesWhenTheTransactionEnds();
        return rules.save(rule).view();
    }

    @Transactional
    public RealNameRuleView change(long id, RealNameRuleDefinition definition, Actor actor) {
        RealNameRule rule = rules.findById(id).orElseThrow(NotFoundException::new);
        checkUnique(definition, id);
        rule.change(definition, actor, clock.instant());
        forgetRulesWhenTheTransactionEnds();
        return rules.save(rule).view();
    }

    private void checkUnique(RealNameRuleDefinition definition, long id) {
        List<FieldProblem> problems = new ArrayList<>();
        if (rules.existsByPriorityAndIdNot(definition.priority(), id)) {
            problems.add(new FieldProblem("priority", ErrorCode.DUPLICATE, "catalogue.rule.priority.taken"));
        }
        if (rules.existsByCodeAndIdNot(definition.code(), id)) {
            problems.add(new FieldProblem("code", ErrorCode.DUPLICATE, "catalogue.rule.code.taken"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
