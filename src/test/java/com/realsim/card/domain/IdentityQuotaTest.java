package com.realsim.card.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.catalogue.Operator;
import com.realsim.catalogue.OperatorService;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** One ID, at most N cards per operator, held by PostgreSQL even when many bindings race for the last slot. */
@SpringBootTest
class IdentityQuotaTest {

    static final int THREADS = 32;

    @Autowired
    IdentityQuota quota;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OperatorService operators;

    /** The operator's limit, as the binding reads it in its transaction before taking a slot. */
    int limit(Operator operator) {
        return operators.quota(operator).maxCardsPerId();
    }

    TransactionTemplate transaction() {
        return new TransactionTemplate(transactions);
    }

    static String identity() {
        return "bidx-" + UUID.randomUUID();
    }

    void take(Operator operator, String idBidx, int times) {
        for (int i = 0; i < times; i++) {
            transaction().executeWithoutResult(status -> quota.take(operator, idBidx, limit(operator)));
        }
    }

    @Test
    void sixthCardForSameIdIsRefusedEvenUnderConcurrency() throws Exception {
        String id = identity();
        take(Operator.CHINA_MOBILE, id, 4);
        assertThat(quota.held(Operator.CHINA_MOBILE, id)).isEqualTo(4);
        assertThat(limit(Operator.CHINA_MOBILE)).isEqualTo(5);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    try {
                        transaction()
                                .executeWithoutResult(
                                        status -> quota.take(Operator.CHINA_MOBILE, id, limit(Operator.CHINA_MOBILE)));
                        return true;
                    } catch (DomainException refused) {
                        assertThat(refused.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
                        return false;
                    }
                }));
            }
            start.countDown();
            long succeeded = 0;
            for (Future<Boolean> attempt : attempts) {
                if (attempt.get(60, TimeUnit.SECONDS)) {
                    succeeded++;
                }
            }
            assertThat(succeeded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(quota.held(Operator.CHINA_MOBILE, id)).isEqualTo(5);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM identity_quota WHERE cards_held < 0 OR cards_held > 5", Long.class))
                .isZero();

        // the same identity may still take a card at another operator
        take(Operator.CHINA_UNICOM, id, 1);
        assertThat(quota.held(Operator.CHINA_UNICOM, id)).isEqualTo(1);

        // releasing (a cancelled card) frees exactly one slot
        transaction()
                .executeWithoutResult(status ->
                        assertThat(quota.release(Operator.CHINA_MOBILE, id)).isTrue());
        take(Operator.CHINA_MOBILE, id, 1);
        assertThatThrownBy(() -> take(Operator.CHINA_MOBILE, id, 1))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
                    assertThat(e.details()).containsEntry("limit", 5).containsEntry("operator", "CHINA_MOBILE");
                });
    }

    @Test
    void aSlotTakenInATransactionThatRollsBackIsNotKept() {
        String id = identity();
        assertThatThrownBy(() -> transaction().executeWithoutResult(status -> {
                    quota.take(Operator.CHINA_TELECOM, id, limit(Operator.CHINA_TELECOM));
                    throw new IllegalStateException("the binding failed after taking the slot");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(quota.held(Operator.CHINA_TELECOM, id)).isZero();
    }

    @Test
    void takingAndReleasingNeedTheCallersTransaction() {
        assertThatThrownBy(() -> quota.take(Operator.CHINA_MOBILE, identity(), limit(Operator.CHINA_MOBILE)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> quota.release(Operator.CHINA_MOBILE, identity()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void releasingMoreThanWasTakenNeverGoesBelowZero() {
        String id = identity();
        take(Operator.CHINA_BROADNET, id, 1);
        transaction().executeWithoutResult(status -> {
            assertThat(quota.release(Operator.CHINA_BROADNET, id)).isTrue();
            assertThat(quota.release(Operator.CHINA_BROADNET, id)).isFalse();
        });
        assertThat(quota.held(Operator.CHINA_BROADNET, id)).isZero();
    }

    @Test
    void theDriftCheckReportsCountersThatDisagreeWithRealCounts() {
        String agrees = identity();
        String counterHigh = identity();
        String uncounted = identity();
        take(Operator.CHINA_MOBILE, agrees, 2);
        take(Operator.CHINA_MOBILE, counterHigh, 3);
        Map<IdentityQuota.Key, Long> real = Map.of(
                new IdentityQuota.Key(Operator.CHINA_MOBILE, agrees), 2L,
                new IdentityQuota.Key(Operator.CHINA_MOBILE, counterHigh), 1L,
                new IdentityQuota.Key(Operator.CHINA_UNICOM, uncounted), 1L);

        List<IdentityQuota.Drift> drift = quota.compare(real);

        assertThat(drift)
                .filteredOn(d -> List.of(agrees, counterHigh, uncounted).contains(d.idBidx()))
                .containsExactlyInAnyOrder(
                        new IdentityQuota.Drift(Operator.CHINA_MOBILE, counterHigh, 3, 1),
                        new IdentityQuota.Drift(Operator.CHINA_UNICOM, uncounted, 0, 1));
    }
}
