package com.realsim.card.domain;

import com.realsim.card.CardState;
import com.realsim.card.CardUsageService;
import com.realsim.platform.jobs.Recurring;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The automatic cancellation cycle of unused cards (沉默卡 → 预销户 → 销户): a working card (ACTIVE or SUSPENDED)
 * without usage for {@code realsim.card.dormant-after} (default 2 months; a card never used counts from its
 * activation) enters PRE_CANCELLED; a card pre-cancelled for {@code realsim.card.cancel-after-pre-cancel} (default
 * 30 days) is CANCELLED, which frees its end user's quota slot in the same transaction. Usage in between takes the
 * card back ({@link CardUsageService}).
 *
 * <p>Runs in batches, each its own transaction holding a PostgreSQL advisory lock ({@code pg_try_advisory_xact_lock}):
 * when another instance holds it, this one leaves the run to that instance. Every card is re-read under its row lock
 * and re-checked, so a card used or changed meanwhile is left alone.
 */
@Component
@RequiredArgsConstructor
class CancellationCycle {

    private static final Logger log = LoggerFactory.getLogger(CancellationCycle.class);

    /** The advisory lock's key: "RSCYCLE" in ASCII, for any instance of the application on this database. */
    static final long LOCK_KEY = 0x5253_4359_434C_45L;

    static final int BATCH = 500;

    /** What one run did. {@code complete} is false when another instance held the lock. */
    record Outcome(int preCancelled, int cancelled, boolean complete) {}

    private final Cards cards;
    private final LockedCards locked;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CardProperties properties;
    private final Clock clock;

    @Recurring(name = "card-cancellation-cycle", cron = "${realsim.card.cancellation-cycle-cron:0 40 2 * * *}")
    void scheduled() {
        Outcome outcome = run();
        log.info(
                "Cancellation cycle: {} cards pre-cancelled, {} cancelled{}",
                outcome.preCancelled(),
                outcome.cancelled(),
                outcome.complete() ? "" : " (another instance is running the cycle)");
    }

    Outcome run() {
        Instant now = clock.instant();
        Instant cancelDue = now.atZone(Card.BUSINESS_ZONE)
                .minus(properties.cancelAfterPreCancel())
                .toInstant();
        Instant dormantSince =
                now.atZone(Card.BUSINESS_ZONE).minus(properties.dormantAfter()).toInstant();
        Integer cancelled = step(
                "SELECT id FROM card WHERE state = 'PRE_CANCELLED' AND pre_cancelled_at <= ?",
                cancelDue,
                card -> card.state() == CardState.PRE_CANCELLED
                        && !card.preCancelledAt().isAfter(cancelDue),
                card -> card.cancel("card.note.cycleCancelled", null, now));
        if (cancelled == null) {
            return new Outcome(0, 0, false);
        }
        Integer preCancelled = step(
                "SELECT id FROM card c WHERE state IN ('ACTIVE', 'SUSPENDED')"
                        + " AND coalesce((SELECT s.last_usage_on::timestamp AT TIME ZONE 'Asia/Shanghai'"
                        + " FROM card_usage_summary s WHERE s.card_id = c.id), activated_at) <= ?",
                dormantSince,
                card -> card.state().canBeBlocked()
                        && lastSignOfLife(card) != null
                        && !lastSignOfLife(card).isAfter(dormantSince),
                card -> card.preCancel(null, now));
        return new Outcome(preCancelled == null ? 0 : preCancelled, cancelled, preCancelled != null);
    }

    /** All due cards, batch by batch (keyset on id); null when another instance holds the cycle's lock. */
    private Integer step(String select, Instant cutoff, Predicate<Card> stillDue, Step step) {
        int done = 0;
        long afterId = 0;
        while (true) {
            Batch batch = batch(select + " AND id > ? ORDER BY id LIMIT ?", cutoff, afterId, stillDue, step);
            if (batch == null) {
                return null;
            }
            done += batch.changed();
            if (batch.selected() < BATCH) {
                return done;
            }
            afterId = batch.lastId();
        }
    }

    private record Batch(int selected, int changed, long lastId) {}

    private interface Step {
        void on(Card card);
    }

    /** One batch in its own transaction; null when another instance holds the cycle's lock. */
    private Batch batch(String select, Instant cutoff, long afterId, Predicate<Card> stillDue, Step step) {
        return transactions.execute(status -> {
            Boolean ours = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
            if (!Boolean.TRUE.equals(ours)) {
                return null;
            }
            List<Long> ids = jdbc.queryForList(select, Long.class, Timestamp.from(cutoff), afterId, BATCH);
            int changed = 0;
            for (Long id : ids) {
                Card card = locked.any(id).orElseThrow();
                if (stillDue.test(card)) {
                    step.on(card);
                    cards.save(card);
                    changed++;
                }
            }
            return new Batch(ids.size(), changed, ids.isEmpty() ? afterId : ids.get(ids.size() - 1));
        });
    }

    private static Instant lastSignOfLife(Card card) {
        return card.lastUsageAt() != null ? card.lastUsageAt() : card.activatedAt();
    }
}
