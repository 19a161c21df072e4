package com.realsim.card.domain;

import com.realsim.card.BlockingReason;
import com.realsim.card.events.CardRef;
import com.realsim.card.events.CardsReasonCleared;
import com.realsim.card.events.CardsSuspended;
import com.realsim.platform.Actor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stack of blocking reasons of many cards at once, in SQL: what the operator's feeds (usage, card status, eSIM
 * profiles) do to thousands of cards in one request. The rules are the aggregate's ({@link Card#block}, {@link
 * Card#clear}):
 *
 * <ul>
 *   <li>{@link #add}: a working card (ACTIVE or SUSPENDED) not already carrying the reason gets it and is SUSPENDED;
 *       one statement, and one {@link CardsSuspended} per {@value CardsSuspended#MAX_CARDS} cards for the trail;
 *   <li>{@link #clear}: a card carrying the reason among others loses it in one statement ({@link
 *       CardsReasonCleared}); a card for which it is the last reason is cleared by its aggregate, which judges the
 *       card's real-name (it resumes only when that is complete, otherwise it stays SUSPENDED with {@code
 *       UNVERIFIED}) and publishes its own events.
 * </ul>
 *
 * <p>Each change carries the moment it happened ({@code at}, as the feed reports it): a reason added is {@code since}
 * then; an event older than the reason's last clearance does not add it again, and a clearance older than the
 * reason's {@code since} does not clear it (feeds deliver late and out of order). Runs in the caller's transaction,
 * which holds the cards' row locks (taken in ICCID order) already.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class BlockingStack {

    /** A change to one card, and when it happened. */
    public record Change(long cardId, Instant at) {}

    private final JdbcClient jdbc;
    private final LockedCards locked;
    private final Cards cards;
    private final CardRealName realName;
    private final ApplicationEventPublisher events;

    /**
     * Adds the reason to every working card of {@code changes} that does not carry it (a card in another state is
     * left as it is). Answers the cards stopped by it.
     */
    public List<CardRef> add(BlockingReason reason, Collection<Change> changes, String note, Actor by, Instant now) {
        if (changes.isEmpty()) {
            return List.of();
        }
        List<CardRef> stopped = jdbc.sql("""
                        WITH wanted AS (
                            SELECT DISTINCT ON (w.id) w.id, w.at
                              FROM unnest(:ids::bigint[], :ats::timestamptz[]) AS w(id, at)
                             ORDER BY w.id, w.at DESC),
                        target AS (
                            SELECT c.id, w.at FROM card c JOIN wanted w ON w.id = c.id
                             WHERE c.state IN ('ACTIVE', 'SUSPENDED')
                               AND NOT EXISTS (SELECT 1 FROM card_blocking_reason r
                                                WHERE r.card_id = c.id AND r.reason = :reason
                                                  AND (r.cleared_at IS NULL OR r.cleared_at > w.at))),
                        stacked AS (
                            INSERT INTO card_blocking_reason (card_id, reason, since, added_by, note)
                            SELECT id, :reason, at, :by, :note FROM target)
                        UPDATE card c SET state = 'SUSPENDED', updated_at = :now, version = c.version + 1
                          FROM target t
                         WHERE c.id = t.id
                        RETURNING c.id, c.iccid, c.agent_id, c.enterprise_id""")
                .param("ids", changes.stream().map(Change::cardId).toArray(Long[]::new))
                .param("ats", changes.stream().map(c -> c.at().toString()).toArray(String[]::new))
                .param("reason", reason.name())
                .param("by", by(by))
                .param("note", note)
                .param("now", Timestamp.from(now))
                .query(BlockingStack::ref)
                .list();
        for (int from = 0; from < stopped.size(); from += CardsSuspended.MAX_CARDS) {
            events.publishEvent(new CardsSuspended(
                    reason,
                    note,
                    by,
                    stopped.subList(from, Math.min(stopped.size(), from + CardsSuspended.MAX_CARDS))));
        }
        return stopped;
    }

    /**
     * Clears the reason of every card of {@code changes} that carries it since no later than the change. Answers how
     * many cards lost it.
     */
    public int clear(BlockingReason reason, Collection<Change> changes, String note, Actor by, Instant now) {
        if (changes.isEmpty()) {
            return 0;
        }
        Long[] ids = changes.stream().map(Change::cardId).toArray(Long[]::new);
        String[] ats = changes.stream().map(c -> c.at().toString()).toArray(String[]::new);
        List<CardRef> cleared = jdbc.sql("""
                        WITH wanted AS (
                            SELECT DISTINCT ON (w.id) w.id, w.at
                              FROM unnest(:ids::bigint[], :ats::timestamptz[]) AS w(id, at)
                             ORDER BY w.id, w.at DESC),
                        cleared AS (
                            UPDATE card_blocking_reason r SET cleared_at = w.at, cleared_by = :by, clear_note = :note
                              FROM wanted w
                             WHERE r.card_id = w.id AND r.reason = :reason AND r.cleared_at IS NULL
                               AND r.since <= w.at
                               AND EXISTS (SELECT 1 FROM card_blocking_reason o
                                            WHERE o.card_id = r.card_id AND o.cleared_at IS NULL AND o.id <> r.id)
                            RETURNING r.card_id)
                        UPDATE card c SET updated_at = :now, version = c.version + 1
                          FROM cleared
                         WHERE c.id = cleared.card_id
                        RETURNING c.id, c.iccid, c.agent_id, c.enterprise_id""")
                .param("ids", ids)
                .param("ats", ats)
                .param("reason", reason.name())
                .param("by", by(by))
                .param("note", note)
                .param("now", Timestamp.from(now))
                .query(BlockingStack::ref)
                .list();
        for (int from = 0; from < cleared.size(); from += CardsSuspended.MAX_CARDS) {
            events.publishEvent(new CardsReasonCleared(
                    reason,
                    note,
                    by,
                    cleared.subList(from, Math.min(cleared.size(), from + CardsSuspended.MAX_CARDS))));
        }
        // the cards for which it is the last reason: their aggregate judges whether they work again
        List<Long> last = jdbc.sql("""
                        SELECT r.card_id
                          FROM card_blocking_reason r
                          JOIN unnest(:ids::bigint[], :ats::timestamptz[]) AS w(id, at) ON w.id = r.card_id
                         WHERE r.reason = :reason AND r.cleared_at IS NULL AND r.since <= w.at
                         ORDER BY r.card_id""")
                .param("ids", ids)
                .param("ats", ats)
                .param("reason", reason.name())
                .query(Long.class)
                .list();
        List<Card> resumed = new ArrayList<>();
        for (long id : last.stream().distinct().toList()) {
            Card card = locked.any(id).orElseThrow();
            if (card.clear(reason, note, by, now, () -> realName.assess(card))) {
                resumed.add(card);
            }
        }
        cards.saveAllAndFlush(resumed);
        return cleared.size() + resumed.size();
    }

    private static CardRef ref(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CardRef(
                rs.getLong("id"),
                rs.getString("iccid"),
                rs.getObject("agent_id", Long.class),
                rs.getObject("enterprise_id", Long.class));
    }

    private static String by(Actor actor) {
        return actor == null ? "system" : actor.name();
    }
}
