package com.realsim.card.domain;

import com.realsim.card.CardState;
import com.realsim.platform.TenantScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Cards by state for a tenant scope (the chart and the dashboard tiles), kept for a short while: counting a million
 * cards takes a few hundred milliseconds, and the numbers need not be exact to the second. Nothing here is needed
 * by another instance; each keeps its own short-lived copy.
 */
@Component
public class CardStateCounts {

    private static final int MAX_SCOPES = 10_000;

    private record Counted(Map<CardState, Long> counts, Instant at) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final Map<TenantScope, Counted> cache = new ConcurrentHashMap<>();

    CardStateCounts(
            NamedParameterJdbcTemplate jdbc, Clock clock, @Value("${realsim.card.state-counts-ttl:30s}") Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
    }

    public Map<CardState, Long> of(TenantScope scope) {
        Instant now = clock.instant();
        Counted cached = cache.get(scope);
        if (cached != null && cached.at().plus(ttl).isAfter(now)) {
            return cached.counts();
        }
        Map<CardState, Long> counts = count(scope);
        if (cache.size() >= MAX_SCOPES) {
            cache.clear();
        }
        cache.put(scope, new Counted(counts, now));
        return counts;
    }

    private Map<CardState, Long> count(TenantScope scope) {
        Map<CardState, Long> counts = new EnumMap<>(CardState.class);
        for (CardState state : CardState.values()) {
            counts.put(state, 0L);
        }
        jdbc.query(
                "SELECT state, count(*) AS n FROM card WHERE " + scope.sqlCondition("agent_id", "enterprise_id")
                        + " GROUP BY state",
                new MapSqlParameterSource("scopeTenant", scope.sqlParameter()),
                rs -> {
                    counts.put(CardState.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return Collections.unmodifiableMap(counts);
    }
}
