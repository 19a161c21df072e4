package com.realsim.card.domain;

import com.realsim.card.BlockingReason;
import com.realsim.card.RealNameAssessment;
import com.realsim.catalogue.RealNamePolicy;
import com.realsim.catalogue.RealNameRuleDefinition;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.platform.jobs.JobContext;
import com.realsim.platform.jobs.JobHandler;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An ADMIN's edit of a real-name rule re-judges the working cards (ACTIVE, SUSPENDED) it can touch — those the rule
 * matched before the edit or matches after it (a card neither form matches keeps its requirement: the rule is passed
 * over for it either way):
 *
 * <ul>
 *   <li>a card whose real-name no longer meets its requirement gets {@code UNVERIFIED} (an ACTIVE one is SUSPENDED);
 *   <li>a card whose real-name now meets it loses {@code UNVERIFIED} — completing the real-name is what clears that
 *       reason, whichever way it came to be complete; the card works again when that was its last reason, else it
 *       stays SUSPENDED for the others.
 * </ul>
 *
 * <p>A platform job ({@value #KIND}), started after the edit's commit ({@code CardRealNameListener}); any instance
 * runs it. It pages the touched cards by id ({@value #BATCH} a transaction, a checkpoint after each, so a run cut off
 * goes on where it was), locks each page in ICCID order, reads the page's real-name in one statement ({@link
 * RealNameOfCards}) and changes the stacks set-based ({@link BlockingStack}), which writes the trail's entries in
 * batches. Whichever instance runs it reads the rules afresh first ({@link RealNamePolicy#readAgain()}): it must not
 * judge on rules it kept from before the edit.
 */
@Component
@RequiredArgsConstructor
public class RealNameRejudgement implements JobHandler {

    public static final String KIND = "card-real-name-rejudge";
    static final int BATCH = 500;

    private final ServicePlanService plans;
    private final RealNamePolicy policy;
    private final RealNameOfCards realNames;
    private final BlockingStack stack;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /**
     * What a job of this kind re-judges after the edit of a rule, written down when the edit is heard of: the plans
     * each form of the rule (before and after; a new rule has no before) matches and its number prefix, one line each.
     * The caller queues the job with it ({@code Jobs.start(KIND, ruleId, null, selection)}).
     */
    public InputStream selection(RealNameRuleDefinition before, RealNameRuleDefinition after) {
        StringBuilder selection = new StringBuilder();
        for (RealNameRuleDefinition rule : before == null ? List.of(after) : List.of(before, after)) {
            String planIds = plans.plans().stream()
                    .filter(rule::matchesPlan)
                    .map(plan -> Long.toString(plan.id()))
                    .collect(Collectors.joining(","));
            selection
                    .append(planIds)
                    .append(';')
                    .append(rule.msisdnPrefix() == null ? "" : rule.msisdnPrefix())
                    .append('\n');
        }
        return new ByteArrayInputStream(selection.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** One form of the rule: the plans it matches and its number prefix ("" for any number). */
    private record Selection(Long[] planIds, String prefix) {

        static Selection parse(String line) {
            String[] parts = line.split(";", -1);
            Long[] planIds = parts[0].isEmpty()
                    ? new Long[0]
                    : Arrays.stream(parts[0].split(",")).map(Long::valueOf).toArray(Long[]::new);
            return new Selection(planIds, parts[1]);
        }
    }

    @Override
    public void run(JobContext job) throws Exception {
        policy.readAgain();
        List<Selection> selections = new String(job.input().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.isBlank())
                .map(Selection::parse)
                .toList();
        Selection first = selections.get(0);
        Selection second = selections.get(selections.size() - 1);
        long after = job.checkpoint() == null ? 0 : Long.parseLong(job.checkpoint());
        long done = 0;
        while (true) {
            long from = after;
            List<Long> page = jdbc.sql("""
                            SELECT id FROM card
                             WHERE state IN ('ACTIVE', 'SUSPENDED') AND id > :after
                               AND ((plan_id = ANY(:plans1) AND msisdn LIKE :prefix1 || '%')
                                 OR (plan_id = ANY(:plans2) AND msisdn LIKE :prefix2 || '%'))
                             ORDER BY id LIMIT :batch""")
                    .param("after", from)
                    .param("plans1", first.planIds())
                    .param("prefix1", first.prefix())
                    .param("plans2", second.planIds())
                    .param("prefix2", second.prefix())
                    .param("batch", BATCH)
                    .query(Long.class)
                    .list();
            if (page.isEmpty()) {
                return;
            }
            transactions.executeWithoutResult(status -> rejudge(page));
            after = page.get(page.size() - 1);
            done += page.size();
            job.checkpoint(Long.toString(after));
            job.progress(done, null);
            if (page.size() < BATCH) {
                return;
            }
        }
    }

    /** One page: locked in ICCID order, judged, the stacks changed set-based. */
    private void rejudge(List<Long> page) {
        List<Long> working = jdbc.sql("""
                        SELECT id FROM card WHERE id = ANY(:ids) AND state IN ('ACTIVE', 'SUSPENDED')
                        ORDER BY iccid FOR UPDATE""")
                .param("ids", page.toArray(Long[]::new))
                .query(Long.class)
                .list();
        Map<Long, RealNameAssessment> assessed = realNames.assess(working);
        Instant now = clock.instant();
        List<BlockingStack.Change> incomplete = new ArrayList<>();
        List<BlockingStack.Change> complete = new ArrayList<>();
        assessed.forEach((id, assessment) ->
                (assessment.satisfied() ? complete : incomplete).add(new BlockingStack.Change(id, now)));
        stack.add(BlockingReason.UNVERIFIED, incomplete, "card.note.rulesChanged", null, now);
        stack.clear(BlockingReason.UNVERIFIED, complete, "card.note.rulesChangedComplete", null, now);
    }
}
