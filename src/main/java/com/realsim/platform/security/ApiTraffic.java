package com.realsim.platform.security;

import com.realsim.platform.jobs.Recurring;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Partner API's traffic per client and hour: requests, and those answered 429 (rate limit), another 4xx or 5xx.
 * Each instance counts in memory and adds its counts to {@code api_client_traffic} in one statement (an upsert of
 * every client-hour counted since) at most every {@code realsim.api.traffic.flush-every} — checked as requests come
 * in, so an idle instance writes nothing — before a reading, and when it stops: never a write per request. Counts of
 * an instance killed before its flush are lost (a few seconds of traffic); nothing else depends on them. Rows older
 * than {@code realsim.api.traffic.keep} are deleted by a recurring job.
 */
@Component
public class ApiTraffic {

    /** A client's counts over some hours. */
    public record Counts(long requests, long refused, long rejected, long failed) {}

    private record Key(long clientId, Instant hour) {}

    private static final class Counter {
        final LongAdder requests = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder rejected = new LongAdder();
        final LongAdder failed = new LongAdder();
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration flushEvery;
    private final Duration keep;
    private final ReentrantLock flushing = new ReentrantLock();
    private final AtomicLong lastFlush = new AtomicLong();
    private volatile Map<Key, Counter> counting = new ConcurrentHashMap<>();

    ApiTraffic(
            JdbcClient jdbc,
            Clock clock,
            @Value("${realsim.api.traffic.flush-every:10s}") Duration flushEvery,
            @Value("${realsim.api.traffic.keep:90d}") Duration keep) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.flushEvery = flushEvery;
        this.keep = keep;
        this.lastFlush.set(clock.millis());
    }

    /** Counts one answered request of this client by its HTTP status; flushes when the interval has passed. */
    void count(long clientId, int status) {
        Counter counter = counting.computeIfAbsent(
                new Key(clientId, clock.instant().truncatedTo(ChronoUnit.HOURS)), key -> new Counter());
        counter.requests.increment();
        if (status == 429) {
            counter.refused.increment();
        } else if (status >= 500) {
            counter.failed.increment();
        } else if (status >= 400) {
            counter.rejected.increment();
        }
        if (clock.millis() - lastFlush.get() >= flushEvery.toMillis() && flushing.tryLock()) {
            try {
                flushNow();
            } finally {
                flushing.unlock();
            }
        }
    }

    /** Adds this instance's counts to the table (one statement) and starts counting afresh. */
    @PreDestroy
    public void flush() {
        flushing.lock();
        try {
            flushNow();
        } finally {
            flushing.unlock();
        }
    }

    private void flushNow() {
        lastFlush.set(clock.millis());
        Map<Key, Counter> counted = counting;
        counting = new ConcurrentHashMap<>();
        if (counted.isEmpty()) {
            return;
        }
        List<Long> clients = new ArrayList<>();
        List<Timestamp> hours = new ArrayList<>();
        List<Long> requests = new ArrayList<>();
        List<Long> refused = new ArrayList<>();
        List<Long> rejected = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        counted.forEach((key, counter) -> {
            clients.add(key.clientId());
            hours.add(Timestamp.from(key.hour()));
            requests.add(counter.requests.sum());
            refused.add(counter.refused.sum());
            rejected.add(counter.rejected.sum());
            failed.add(counter.failed.sum());
        });
        jdbc.sql("""
                        INSERT INTO api_client_traffic (client_id, hour, requests, refused, rejected, failed)
                        SELECT * FROM unnest(:clients::bigint[], :hours::timestamptz[], :requests::bigint[],
                                             :refused::bigint[], :rejected::bigint[], :failed::bigint[])
                        ON CONFLICT (client_id, hour) DO UPDATE SET
                            requests = api_client_traffic.requests + excluded.requests,
                            refused = api_client_traffic.refused + excluded.refused,
                            rejected = api_client_traffic.rejected + excluded.rejected,
                            failed = api_client_traffic.failed + excluded.failed""")
                .param("clients", clients.toArray(Long[]::new))
                .param("hours", hours.toArray(Timestamp[]::new))
                .param("requests", requests.toArray(Long[]::new))
                .param("refused", refused.toArray(Long[]::new))
                .param("rejected", rejected.toArray(Long[]::new))
                .param("failed", failed.toArray(Long[]::new))
                .update();
    }

    /**
     * Each client's counts since the given moment (from the start of its hour), busiest first, in one statement
     * after this instance's own counts are flushed; other instances' counts of the last seconds may still be in
     * their memory.
     */
    public Map<Long, Counts> since(Instant since) {
        flush();
        Map<Long, Counts> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT client_id, sum(requests) AS requests, sum(refused) AS refused,
                               sum(rejected) AS rejected, sum(failed) AS failed
                        FROM api_client_traffic WHERE hour >= :since
                        GROUP BY client_id ORDER BY requests DESC, client_id""")
                .param("since", Timestamp.from(since.truncatedTo(ChronoUnit.HOURS)))
                .query((rs, n) -> counts.put(
                        rs.getLong("client_id"),
                        new Counts(
                                rs.getLong("requests"),
                                rs.getLong("refused"),
                                rs.getLong("rejected"),
                                rs.getLong("failed"))))
                .list();
        return counts;
    }

    @Recurring(name = "platform-api-traffic-expire", cron = "0 40 3 * * *")
    void expire() {
        jdbc.sql("DELETE FROM api_client_traffic WHERE hour < :before")
                .param("before", Timestamp.from(clock.instant().minus(keep)))
                .update();
    }
}
