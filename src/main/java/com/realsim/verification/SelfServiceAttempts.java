package com.realsim.verification;

import com.realsim.identity.BlindIndex;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the public self-service pages, in PostgreSQL (Bucket4j, table {@code verification_rate_bucket}) so
 * that every instance counts together, on the application's {@link Clock}:
 *
 * <ul>
 *   <li>submissions per link ({@code link:<id>}): {@code self-service.submissions-per-hour}, default 5;
 *   <li>visits of unknown, used or expired links per client address ({@code ip:<keyed hash of the address>}, the identity module's blind index): {@code
 *       self-service.invalid-visits-per-hour}, default 20. Once a client has used them up, it is refused every
 *       self-service page for the rest of the hour, valid links included, so that guessing learns nothing.
 * </ul>
 *
 * The client address is {@code request.getRemoteAddr()}: behind a reverse proxy, set {@code
 * server.forward-headers-strategy} so that it is the phone's address and not the proxy's.
 */
@Component
public class SelfServiceAttempts {

    private final ProxyManager<String> buckets;
    private final BucketConfiguration perLink;
    private final BucketConfiguration perClient;
    private final BlindIndex blindIndex;

    SelfServiceAttempts(DataSource dataSource, VerificationProperties properties, BlindIndex blindIndex, Clock clock) {
        this.blindIndex = blindIndex;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("verification_rate_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .clientClock(new ClockMeter(clock))
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(10)))
                .build();
        this.perLink = hourly(properties.selfService().submissionsPerHour());
        this.perClient = hourly(properties.selfService().invalidVisitsPerHour());
    }

    private static BucketConfiguration hourly(int perHour) {
        if (perHour < 1) {
            throw new IllegalStateException("Self-service rate limits allow at least one attempt per hour");
        }
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perHour).refillIntervally(perHour, Duration.ofHours(1)))
                .build();
    }

    /** Takes one submission of this link; false when the link's submissions for the hour are used up. */
    public boolean trySubmit(long linkId) {
        return buckets.builder().build("link:" + linkId, () -> perLink).tryConsume(1);
    }

    /** Whether this client has visits of invalid links left (without using one). */
    public boolean clientAllowed(String clientAddress) {
        return buckets.builder()
                        .build(clientKey(clientAddress), () -> perClient)
                        .getAvailableTokens()
                > 0;
    }

    /** Counts a visit of an invalid link; false when the client has none left. */
    public boolean tryInvalidVisit(String clientAddress) {
        return buckets.builder()
                .build(clientKey(clientAddress), () -> perClient)
                .tryConsume(1);
    }

    private String clientKey(String address) {
        return "ip:" + blindIndex.of("client-address", address == null ? "" : address);
    }

    /** Bucket4j's time from the application's clock, so that tests can move it. */
    private record ClockMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
