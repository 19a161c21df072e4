package com.realsim.card.domain;

import com.realsim.platform.jobs.Recurring;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The periodic check of the one-ID-N-cards counters against real counts. PostgreSQL keeps them in step (migration
 * V190), so drift means someone wrote the counters or disabled the triggers by hand: the check records the number
 * of drifted identities in the database, where every instance's {@code quotaCounters} health indicator (DOWN while
 * it is not zero) and the OPS dashboard ({@link #drifted}) show it, and logs an error per identity (never the blind
 * index itself: it is a keyed hash of an ID number). Nothing is corrected automatically.
 */
@Component("quotaCounters")
@RequiredArgsConstructor
public class QuotaDriftCheck implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(QuotaDriftCheck.class);

    private final IdentityQuota quota;
    private final HeldCards heldCards;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Recurring(name = "card-quota-drift-check", cron = "${realsim.card.quota-drift-check-cron:0 17 * * * *}")
    List<IdentityQuota.Drift> check() {
        List<IdentityQuota.Drift> drift = quota.compare(heldCards.realCounts());
        jdbc.update("""
                INSERT INTO card_quota_drift (id, checked_at, drifted) VALUES (1, ?, ?)
                ON CONFLICT (id) DO UPDATE SET checked_at = EXCLUDED.checked_at, drifted = EXCLUDED.drifted""", Timestamp.from(clock.instant()), drift.size());
        if (drift.isEmpty()) {
            log.info("One-ID-N-cards counters agree with the bound cards");
        } else {
            drift.forEach(d -> log.error(
                    "One-ID-N-cards counter drift at {}: counter {} but {} cards bound",
                    d.operator(),
                    d.counted(),
                    d.real()));
        }
        return drift;
    }

    /** Runs the check now (as the recurring job does) and answers the number of drifted identities. */
    public long checkNow() {
        return check().size();
    }

    /** The number of identities whose counter disagreed at the last check (0 before the first). */
    public long drifted() {
        return lastCheck().map(Check::drifted).orElse(0L);
    }

    /** DOWN with the number of drifted identities (never who they are) while the last check found any. */
    @Override
    public Health health() {
        return lastCheck()
                .map(last -> (last.drifted() == 0 ? Health.up() : Health.down())
                        .withDetail("driftedIdentities", last.drifted())
                        .withDetail("checkedAt", last.checkedAt().toString())
                        .build())
                .orElseGet(() -> Health.up().withDetail("checkedAt", "never").build());
    }

    private Optional<Check> lastCheck() {
        return jdbc
                .query(
                        "SELECT checked_at, drifted FROM card_quota_drift WHERE id = 1",
                        (rs, row) -> new Check(rs.getTimestamp(1).toInstant(), rs.getLong(2)))
                .stream()
                .findFirst();
    }

    private record Check(Instant checkedAt, long drifted) {}

    /** The real number of cards (not CANCELLED) bound to each identity at each operator ({@link EndUserBindings}). */
    interface HeldCards {
        Map<IdentityQuota.Key, Long> realCounts();
    }
}
