package com.realsim.platform.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filters that protect the Partner API. They are created here, not as {@code @Component}s, so that the servlet
 * container does not also run them for every other request.
 */
@Configuration(proxyBeanMethods = false)
class ApiProtectionConfiguration {

    @Bean
    ProxyManager<Long> rateLimitBuckets(DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(10)))
                .build();
    }

    @Bean
    BucketConfiguration rateLimit(
            @Value("${realsim.api.rate-limit.per-second:50}") long perSecond,
            @Value("${realsim.api.rate-limit.burst:100}") long burst) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build();
    }

    /**
     * How often an instance writes a client's use of its bucket to PostgreSQL; the README states the cross-instance
     * tolerance this gives.
     */
    @Bean
    RateLimitFilter rateLimitFilter(
            ProxyManager<Long> buckets,
            BucketConfiguration rateLimit,
            ProblemResponses problems,
            ApiTraffic traffic,
            @Value("${realsim.api.rate-limit.sync-every-tokens:20}") long syncEveryTokens,
            @Value("${realsim.api.rate-limit.sync-every:200ms}") Duration syncEvery) {
        return new RateLimitFilter(
                buckets, rateLimit, problems, traffic, new DelayParameters(syncEveryTokens, syncEvery));
    }

    @Bean
    IdempotencyFilter idempotencyFilter(IdempotencyRecords records, ProblemResponses problems) {
        return new IdempotencyFilter(records, problems);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterNotInContainer(RateLimitFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterNotInContainer(IdempotencyFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
