package com.realsim.platform.security;

import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.error.ErrorCode;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client rate limits of the Partner API: a token bucket per API client (default 50 requests per second with a
 * burst of 100) whose state lives in PostgreSQL through Bucket4j, so every application instance draws from the same
 * bucket. An exhausted bucket answers 429 {@code RATE_LIMITED} with {@code Retry-After} in seconds.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final ProxyManager<Long> buckets;
    private final BucketConfiguration configuration;
    private final ProblemResponses problems;

    RateLimitFilter(ProxyManager<Long> buckets, BucketConfiguration configuration, ProblemResponses problems) {
        this.buckets = buckets;
        this.configuration = configuration;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Actor> client = CurrentActor.find().filter(actor -> actor.kind() == Actor.Kind.API_CLIENT);
        if (client.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe =
                buckets.builder().build(client.get().id(), () -> configuration).tryConsumeAndReturnRemaining(1);
        response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader("Retry-After", Long.toString(seconds));
        problems.write(response, ErrorCode.RATE_LIMITED);
    }
}
