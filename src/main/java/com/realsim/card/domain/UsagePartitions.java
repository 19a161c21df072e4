package com.realsim.card.domain;

import com.realsim.platform.ChinaTime;
import com.realsim.platform.jobs.Recurring;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The monthly partitions of daily usage ({@code card_usage}, partitioned by {@code usage_date}): the job creates the
 * partitions from the oldest month kept to {@value #MONTHS_AHEAD} months after this one (China time) and drops every
 * month older than {@code realsim.card.usage-retention}. The table's owner does the DDL ({@code
 * card_usage_partitions}, a {@code SECURITY DEFINER} function of migration V201): the application's role may not
 * create or drop tables. A report of a day older than the retention is refused ({@link #oldestKept}); a report of a
 * month without its partition yet (the job has not run, or the clock moved on) creates it first ({@link #ensure}).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class UsagePartitions {

    /** How many months after this one have their partition ready. */
    static final int MONTHS_AHEAD = 3;

    private static final Logger log = LoggerFactory.getLogger(UsagePartitions.class);

    private final JdbcClient jdbc;
    private final CardProperties properties;
    private final Clock clock;
    private final Set<LocalDate> ready = ConcurrentHashMap.newKeySet();

    /** Creates the partitions that are due and drops those past the retention. Answers {created, dropped}. */
    @Recurring(
            name = "card-usage-partitions",
            initialDelay = "${realsim.card.usage-partitions-first:10s}",
            fixedDelay = "${realsim.card.usage-partitions-interval:6h}")
    public int[] maintain() {
        LocalDate today = ChinaTime.today(clock);
        int[] changed = jdbc.sql("SELECT created, dropped FROM card_usage_partitions(:today, :ahead, :keepFrom)")
                .param("today", today)
                .param("ahead", MONTHS_AHEAD)
                .param("keepFrom", oldestKept(today))
                .query((rs, row) -> new int[] {rs.getInt("created"), rs.getInt("dropped")})
                .single();
        if (changed[0] + changed[1] > 0) {
            log.info(
                    "Usage partitions: {} created, {} dropped (kept from {}, {} months ahead)",
                    changed[0],
                    changed[1],
                    oldestKept(today),
                    MONTHS_AHEAD);
        }
        return changed;
    }

    /**
     * Makes sure the month of this day has its partition, in the caller's transaction: one look-up per month and
     * instance (a partition is never dropped while its days are still taken).
     */
    public void ensure(LocalDate day) {
        LocalDate month = day.withDayOfMonth(1);
        if (ready.contains(month)) {
            return;
        }
        boolean created = jdbc.sql("SELECT card_usage_partition_for(:day)")
                .param("day", month)
                .query(Boolean.class)
                .single();
        if (!created) {
            ready.add(month);
        } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // created in this transaction: it exists for others (and for this cache) once it commits
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    ready.add(month);
                }
            });
        }
    }

    /** The first day of the oldest month of usage kept on this day. */
    public LocalDate oldestKept(LocalDate today) {
        return today.minus(properties.usageRetention()).withDayOfMonth(1);
    }

    /** How many months of usage are kept. */
    public long retentionMonths() {
        return properties.usageRetention().toTotalMonths();
    }
}
