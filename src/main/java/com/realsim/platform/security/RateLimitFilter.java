package com.realsim.platform.security;

import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.error.ErrorCode;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import lombok.RequiredArgsConstructor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client rate limits of the Partner API: a token bucket per API client (default 50 requests per second with a
 * burst of 100) whose state lives in PostgreSQL through Bucket4j, so every application instance draws from the same
 * bucket. An exhausted bucket answers 429 {@code RATE_LIMITED} with {@code Retry-After} in seconds.
 */
@RequiredArgsConstructor
final class RateLimitFilter extends OncePerRequestFilter {

    private final ProxyManager<Long> buckets;
    private final BucketConfiguration configuration;
    private final ProblemResponses problems;
    private final ApiTraffic traffic;
    /** When an instance writes its use of a bucket to PostgreSQL: after this many tokens or this long. */
    private final DelayParameters sync;

    private final Map<Long, Bucket> proxies = new ConcurrentHashMap<>();

    /**
     * One proxy per client, kept, with Bucket4j's delaying optimisation: an instance serves a client's requests from
     * its local copy of the bucket and writes to PostgreSQL after {@code realsim.api.rate-limit.sync-every-tokens}
     * tokens or {@code sync-every}, whichever comes first, instead of locking the bucket's row on every request. Exact
     * on one instance; with several, each instance may admit up to that many tokens that another has already taken
     * since its last sync. The sync takes them from the shared bucket all the same (it may go below zero), so the
     * excess is repaid from later refills and does not add up over time.
     */
    private Bucket bucketOf(long clientId) {
        return proxies.computeIfAbsent(clientId, id -> {
            // Bucket4j's optimised proxy fails a batch of concurrent first requests with BucketNotFoundException
            // while the bucket's row does not exist yet; a plain proxy creates the row first.
            buckets.builder().build(id, () -> configuration).getAvailableTokens();
            return buckets.builder()
                    .withOptimization(Optimizations.delaying(sync))
                    .build(id, () -> configuration);
        });
    }

    /** The client's bucket row was removed since its proxy was made: a new proxy creates it again. */
    private ConsumptionProbe consume(long clientId) {
        try {
            return bucketOf(clientId).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            if (!bucketNotFound(e)) {
                throw e;
            }
            proxies.remove(clientId);
            return bucketOf(clientId).tryConsumeAndReturnRemaining(1);
        }
    }

    /** Bucket4j reports a missing bucket directly or wrapped in the failure of a batch. */
    private static boolean bucketNotFound(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Actor> client = CurrentActor.find().filter(actor -> actor.kind() == Actor.Kind.API_CLIENT);
        if (client.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long clientId = client.get().id();
        ConsumptionProbe probe = consume(clientId);
        response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            try {
                chain.doFilter(request, response);
            } finally {
                traffic.count(clientId, response.getStatus());
            }
            return;
        }
        traffic.count(clientId, 429);
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader("Retry-After", Long.toString(seconds));
        problems.write(response, ErrorCode.RATE_LIMITED);
    }
}
