package com.realsim.card.bulk;

import com.realsim.card.BlockingReason;
import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.card.EndUserService;
import com.realsim.platform.Actor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.jobs.JobContext;
import com.realsim.platform.jobs.JobHandler;
import com.realsim.platform.jobs.JobView;
import com.realsim.verification.IssuedLink;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a bulk action, part by part ({@value #PART} lines): the part's ICCIDs are resolved in one statement, and the
 * lines that name no card of the starter's tenant, and the cards already where the action would take them, get their
 * outcome set-based; each remaining card is then acted on through the card module's own act ({@link CardService},
 * {@link EndUserService}) as the starter — the same rules, locks and audited events as one by one — with its outcome
 * written in the act's transaction. A line without an outcome is still to do, so a run cut off by the death of its
 * instance resumes where it stopped, on any instance, and never acts twice on a card.
 */
@Component
@RequiredArgsConstructor
class CardBulkJob implements JobHandler {

    static final String KIND = "card-bulk-action";
    static final int PART = 500;

    private final JdbcClient jdbc;
    private final CardService cards;
    private final EndUserService endUsers;
    private final BulkRecords bulks;
    private final TransactionTemplate transactions;
    private final Clock clock;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext job) {
        long bulkId = Long.parseLong(job.subject());
        Actor owner = job.owner().orElseThrow();
        BulkView bulk = bulks.bulk(bulkId).orElseThrow();
        jdbc.sql("UPDATE card_bulk_action SET status = 'RUNNING' WHERE id = ? AND status = 'QUEUED'")
                .param(bulkId)
                .update();
        BlockingReason manual = BlockingReason.manualFor(owner.role()).orElse(null);
        while (true) {
            Map<Integer, String> pending = new LinkedHashMap<>();
            jdbc.sql("""
                            SELECT line, iccid FROM card_bulk_item
                             WHERE bulk_id = ? AND outcome IS NULL ORDER BY line LIMIT ?""").params(bulkId, PART).query(rs -> {
                pending.put(rs.getInt("line"), rs.getString("iccid"));
            });
            if (pending.isEmpty()) {
                break;
            }
            part(bulk, owner, manual, pending);
            BulkView now = counted(bulkId);
            job.progress(now.done() + now.refused(), (long) now.total());
        }
        counted(bulkId);
        jdbc.sql("UPDATE card_bulk_action SET status = 'FINISHED', finished_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), bulkId)
                .update();
    }

    @Override
    public void failed(JobView job) {
        jdbc.sql("""
                        UPDATE card_bulk_action SET status = 'FAILED', finished_at = ?
                         WHERE id = ? AND status IN ('QUEUED', 'RUNNING')""")
                .params(Timestamp.from(clock.instant()), Long.parseLong(job.subject()))
                .update();
    }

    /** A card as the part's one statement finds it. */
    private record Found(long id, String iccid, CardState state, Long agentId, Long enterpriseId, boolean carries) {}

    private void part(BulkView bulk, Actor owner, BlockingReason manual, Map<Integer, String> pending) {
        Map<String, Found> found = new HashMap<>();
        jdbc
                .sql("""
                        SELECT c.id, c.iccid, c.state, c.agent_id, c.enterprise_id,
                               EXISTS (SELECT 1 FROM card_blocking_reason b
                                        WHERE b.card_id = c.id AND b.reason = ? AND b.cleared_at IS NULL) AS carries
                          FROM card c WHERE c.iccid = ANY(?)""")
                .params(
                        manual == null ? "" : manual.name(),
                        pending.values().stream().distinct().toArray(String[]::new))
                .query((rs, n) -> new Found(
                        rs.getLong("id"),
                        rs.getString("iccid"),
                        CardState.valueOf(rs.getString("state")),
                        (Long) rs.getObject("agent_id"),
                        (Long) rs.getObject("enterprise_id"),
                        rs.getBoolean("carries")))
                .list()
                .stream()
                .filter(card -> owner.scope().covers(card.agentId(), card.enterpriseId()))
                .forEach(card -> found.put(card.iccid(), card));
        Map<String, List<Integer>> refusedAtOnce = new HashMap<>();
        Map<Integer, Found> toAct = new LinkedHashMap<>();
        pending.forEach((line, iccid) -> {
            Found card = found.get(iccid);
            String code = card == null ? ErrorCode.NOT_FOUND.name() : alreadyThere(bulk.action(), card);
            if (code != null) {
                refusedAtOnce.computeIfAbsent(code, c -> new ArrayList<>()).add(line);
            } else {
                toAct.put(line, card);
            }
        });
        refusedAtOnce.forEach((code, lines) -> refuse(bulk.id(), lines, code, null, null));
        toAct.forEach((line, card) -> act(bulk, line, card));
    }

    /** The card is where the action would take it already: refused without acting, named so. */
    private static String alreadyThere(BulkAction action, Found card) {
        return switch (action) {
            case ACTIVATE -> card.state() == CardState.ACTIVE ? "ALREADY_ACTIVE" : null;
            case SUSPEND -> card.carries() ? "ALREADY_SUSPENDED" : null;
            case RESUME -> card.state() == CardState.ACTIVE ? "NOT_SUSPENDED" : null;
            case SELF_SERVICE_LINK -> null;
        };
    }

    /**
     * One card: the act and its outcome in one transaction. A refusal rolls the act back and is written on its own;
     * a resume that cleared the starter's reason while others still hold the card ({@code BLOCKED}) keeps the clearing
     * and is refused with the remaining reasons, as one by one.
     */
    private void act(BulkView bulk, int line, Found card) {
        DomainException refusal;
        try {
            transactions.executeWithoutResult(status -> {
                try {
                    switch (bulk.action()) {
                        case ACTIVATE -> cards.activate(card.iccid());
                        case SUSPEND -> cards.suspend(card.iccid(), bulk.note());
                        case RESUME -> cards.resume(card.iccid(), bulk.note());
                        case SELF_SERVICE_LINK -> {
                            IssuedLink link = endUsers.selfServiceLink(card.iccid());
                            jdbc.sql(
                                            "UPDATE card_bulk_item SET link = ?, expires_at = ? WHERE bulk_id = ? AND line = ?")
                                    .params(
                                            bulks.seal(bulk.id(), line, link.url()),
                                            Timestamp.from(link.expiresAt()),
                                            bulk.id(),
                                            line)
                                    .update();
                        }
                    }
                    outcome(bulk.id(), line, card.id(), "DONE", null, null);
                } catch (DomainException blocked) {
                    if (blocked.code() != ErrorCode.BLOCKED || status.isRollbackOnly()) {
                        throw blocked;
                    }
                    outcome(bulk.id(), line, card.id(), "REFUSED", ErrorCode.BLOCKED.name(), detail(blocked));
                }
            });
            return;
        } catch (DomainException refused) {
            refusal = refused;
        }
        String code = refusal instanceof NotFoundException
                ? ErrorCode.NOT_FOUND.name()
                : refusal.code().name();
        outcome(bulk.id(), line, card.id(), "REFUSED", code, detail(refusal));
    }

    /** What a refusal names, as codes: the remaining reasons, the missing facts, or the card's state. */
    private static String detail(DomainException refusal) {
        Object value = switch (refusal.code()) {
            case BLOCKED -> refusal.details().get("reasons");
            case REAL_NAME_INCOMPLETE -> refusal.details().get("missing");
            case ILLEGAL_STATE_TRANSITION -> refusal.details().get("state");
            default -> null;
        };
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return value == null ? null : String.valueOf(value);
    }

    private void outcome(long bulkId, int line, Long cardId, String outcome, String code, String detail) {
        jdbc.sql("""
                        UPDATE card_bulk_item SET outcome = ?, code = ?, detail = ?, card_id = ?
                         WHERE bulk_id = ? AND line = ?""").params(outcome, code, detail, cardId, bulkId, line).update();
    }

    private void refuse(long bulkId, List<Integer> lines, String code, String detail, Long cardId) {
        jdbc.sql("""
                        UPDATE card_bulk_item SET outcome = 'REFUSED', code = ?, detail = ?, card_id = ?
                         WHERE bulk_id = ? AND line = ANY(?)""")
                .params(code, detail, cardId, bulkId, lines.toArray(Integer[]::new))
                .update();
    }

    private BulkView counted(long bulkId) {
        jdbc.sql("""
                        UPDATE card_bulk_action a
                           SET done = (SELECT count(*) FROM card_bulk_item WHERE bulk_id = a.id AND outcome = 'DONE'),
                               refused = (SELECT count(*) FROM card_bulk_item WHERE bulk_id = a.id AND outcome = 'REFUSED')
                         WHERE id = ?""").param(bulkId).update();
        return bulks.bulk(bulkId).orElseThrow();
    }
}
