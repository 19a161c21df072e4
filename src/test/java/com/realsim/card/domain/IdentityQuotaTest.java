package com.realsim.card.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.card.CardFixtures;
import com.realsim.catalogue.Operator;
import com.realsim.catalogue.OperatorService;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.web.Dashboard;
import com.realsim.testsupport.RunAs;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One ID, at most N cards per operator, held by PostgreSQL: the counter moves with the binding rows (triggers), even
 * for a writer that bypasses the application, and the limit check holds when many bindings race for the last slot.
 */
@SpringBootTest
class IdentityQuotaTest {

    static final int THREADS = 32;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityQuota quota;

    @Autowired
    QuotaDriftCheck driftCheck;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OperatorService operators;

    CardFixtures fx;
    long agentId;
    long enterpriseId;

    @BeforeEach
    void fixtures() {
        fx = new CardFixtures(context);
        agentId = CardFixtures.newAgent();
        enterpriseId = fx.verifiedEnterprise(agentId);
    }

    int limit(Operator operator) {
        return operators.quota(operator).maxCardsPerId();
    }

    TransactionTemplate transaction() {
        return new TransactionTemplate(transactions);
    }

    static String identity() {
        return "bidx-" + UUID.randomUUID();
    }

    /** Cards of the enterprise at the operator, by their row ids. */
    List<Long> cards(int count, Operator operator) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String iccid = fx.enterpriseCard(agentId, enterpriseId, "138", fx.directionalDataPlan(), operator);
            ids.add(jdbc.queryForObject("SELECT id FROM card WHERE iccid = ?", Long.class, iccid));
        }
        return ids;
    }

    /** A current binding written straight into the table, as a writer that bypasses the application would. */
    long insertBinding(long cardId, String idBidx) {
        return jdbc.queryForObject("""
                INSERT INTO card_end_user (card_id, agent_id, enterprise_id, seal_key, name_enc, name_masked, id_type,
                                           id_number_enc, id_number_bidx, id_number_masked, id_address_enc,
                                           id_address_masked, status, bound_at, bound_by)
                VALUES (?, ?, ?, ?, '\\x00', '王*', 'RESIDENT_ID', '\\x00', ?, '1***', '\\x00', '北*', 'BOUND', now(), 'test')
                RETURNING id""", Long.class, cardId, agentId, enterpriseId, UUID.randomUUID(), idBidx);
    }

    /** The binding as EndUserBindings does it: the limit checked with the counter locked, then the row written. */
    void bind(long cardId, Operator operator, String idBidx) {
        transaction().executeWithoutResult(status -> {
            quota.checkRoom(operator, idBidx, null, limit(operator));
            insertBinding(cardId, idBidx);
        });
    }

    int held(Operator operator, String idBidx) {
        return quota.held(operator, idBidx);
    }

    @Test
    void sixthCardForSameIdIsRefusedEvenUnderConcurrency() throws Exception {
        String id = identity();
        List<Long> mobile = cards(4 + THREADS, Operator.CHINA_MOBILE);
        for (int i = 0; i < 4; i++) {
            bind(mobile.get(i), Operator.CHINA_MOBILE, id);
        }
        assertThat(held(Operator.CHINA_MOBILE, id)).isEqualTo(4);
        assertThat(limit(Operator.CHINA_MOBILE)).isEqualTo(5);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        try {
            for (long cardId : mobile.subList(4, 4 + THREADS)) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    try {
                        bind(cardId, Operator.CHINA_MOBILE, id);
                        return true;
                    } catch (DomainException refused) {
                        assertThat(refused.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
                        assertThat(refused.details())
                                .containsEntry("limit", 5)
                                .containsEntry("operator", "CHINA_MOBILE");
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
        assertThat(held(Operator.CHINA_MOBILE, id)).isEqualTo(5);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM card_end_user WHERE id_number_bidx = ? AND ended_at IS NULL",
                        Long.class,
                        id))
                .isEqualTo(5);

        // the same identity may still take a card at another operator
        bind(cards(1, Operator.CHINA_UNICOM).get(0), Operator.CHINA_UNICOM, id);
        assertThat(held(Operator.CHINA_UNICOM, id)).isEqualTo(1);
    }

    @Test
    void theCounterMovesWithTheRowsWhoeverWritesThem() {
        String id = identity();
        List<Long> cards = cards(3, Operator.CHINA_TELECOM);
        long first = insertBinding(cards.get(0), id);
        insertBinding(cards.get(1), id);
        insertBinding(cards.get(2), id);
        assertThat(held(Operator.CHINA_TELECOM, id)).isEqualTo(3);

        // a binding ends (another end user, a transfer)
        jdbc.update("UPDATE card_end_user SET ended_at = now(), end_reason = 'REPLACED' WHERE id = ?", first);
        assertThat(held(Operator.CHINA_TELECOM, id)).isEqualTo(2);
        // a card is cancelled, and (by hand) un-cancelled
        jdbc.update("UPDATE card SET state = 'CANCELLED', cancelled_at = now() WHERE id = ?", cards.get(1));
        assertThat(held(Operator.CHINA_TELECOM, id)).isEqualTo(1);
        jdbc.update("UPDATE card SET state = 'PENDING_ACTIVATION', cancelled_at = NULL WHERE id = ?", cards.get(1));
        assertThat(held(Operator.CHINA_TELECOM, id)).isEqualTo(2);
        // a binding moved to another identity by hand moves its slot
        String other = identity();
        jdbc.update(
                "UPDATE card_end_user SET id_number_bidx = ? WHERE card_id = ? AND ended_at IS NULL",
                other,
                cards.get(2));
        assertThat(held(Operator.CHINA_TELECOM, id)).isEqualTo(1);
        assertThat(held(Operator.CHINA_TELECOM, other)).isEqualTo(1);
        // updates that do not touch the binding's slot leave the counter alone
        jdbc.update("UPDATE card_end_user SET status = 'BOUND', version = version + 1 WHERE card_id = ?", cards.get(2));
        jdbc.update("UPDATE card SET version = version + 1 WHERE id = ?", cards.get(2));
        assertThat(held(Operator.CHINA_TELECOM, other)).isEqualTo(1);
        assertThat(driftCheck.check())
                .noneMatch(d -> d.idBidx().equals(id) || d.idBidx().equals(other));
    }

    @Test
    void aBindingThatRollsBackLeavesTheCounterAsItWas() {
        String id = identity();
        long card = cards(1, Operator.CHINA_TELECOM).get(0);
        assertThatThrownBy(() -> transaction().executeWithoutResult(status -> {
                    quota.checkRoom(Operator.CHINA_TELECOM, id, null, limit(Operator.CHINA_TELECOM));
                    insertBinding(card, id);
                    throw new IllegalStateException("the binding failed after its row was written");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(held(Operator.CHINA_TELECOM, id)).isZero();
    }

    @Test
    void checkingNeedsTheCallersTransaction() {
        assertThatThrownBy(() -> quota.checkRoom(Operator.CHINA_MOBILE, identity(), null, 5))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aCounterSetBelowItsBindingsByHandCannotGoNegative() {
        String id = identity();
        long card = cards(1, Operator.CHINA_BROADNET).get(0);
        bind(card, Operator.CHINA_BROADNET, id);
        try {
            jdbc.update(
                    "UPDATE identity_quota SET cards_held = 0 WHERE operator = 'CHINA_BROADNET' AND id_bidx = ?", id);
            assertThatThrownBy(() ->
                            jdbc.update("UPDATE card SET state = 'CANCELLED', cancelled_at = now() WHERE id = ?", card))
                    .isInstanceOf(DataIntegrityViolationException.class);
        } finally {
            jdbc.update(
                    "UPDATE identity_quota SET cards_held = 1 WHERE operator = 'CHINA_BROADNET' AND id_bidx = ?", id);
        }
    }

    /** The quota drift figure of this actor's dashboard, as the home page asks every contribution (as the actor). */
    java.util.Optional<Dashboard.Figure> driftTile(com.realsim.platform.Actor actor) {
        return RunAs.run(
                actor,
                () -> context.getBeansOfType(Dashboard.Contribution.class).values().stream()
                        .flatMap(contribution -> contribution.panelsFor(actor).stream())
                        .flatMap(panel -> panel.figures().stream())
                        .filter(figure ->
                                "card.tile.quotaDrift".equals(figure.label().key()))
                        .findFirst());
    }

    @Test
    void driftTurnsTheHealthIndicatorDownWithTheNumberOnly() {
        String agrees = identity();
        String counterHigh = identity();
        String uncounted = identity();
        List<Long> cards = cards(4, Operator.CHINA_MOBILE);
        bind(cards.get(0), Operator.CHINA_MOBILE, agrees);
        bind(cards.get(1), Operator.CHINA_MOBILE, counterHigh);
        bind(cards.get(2), Operator.CHINA_MOBILE, uncounted);
        assertThat(driftCheck.check())
                .noneMatch(d -> List.of(agrees, counterHigh, uncounted).contains(d.idBidx()));
        assertThat(driftCheck.health().getStatus()).isEqualTo(Status.UP);

        // an insider writes the counters
        jdbc.update(
                "UPDATE identity_quota SET cards_held = 3 WHERE operator = 'CHINA_MOBILE' AND id_bidx = ?",
                counterHigh);
        jdbc.update("DELETE FROM identity_quota WHERE operator = 'CHINA_MOBILE' AND id_bidx = ?", uncounted);
        try {
            List<IdentityQuota.Drift> drift = driftCheck.check();
            assertThat(drift)
                    .filteredOn(d -> List.of(agrees, counterHigh, uncounted).contains(d.idBidx()))
                    .containsExactlyInAnyOrder(
                            new IdentityQuota.Drift(Operator.CHINA_MOBILE, counterHigh, 3, 1),
                            new IdentityQuota.Drift(Operator.CHINA_MOBILE, uncounted, 0, 1));
            assertThat(driftCheck.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(driftCheck.health().getDetails())
                    .containsEntry("driftedIdentities", (long) drift.size())
                    .doesNotContainValue(counterHigh)
                    .doesNotContainValue(uncounted);
            assertThat(driftCheck.drifted()).isEqualTo(drift.size());
            // OPS see it on their dashboard, agents do not
            assertThat(driftTile(CardFixtures.OPS))
                    .hasValueSatisfying(tile -> assertThat(tile.value()).isEqualTo(drift.size()));
            assertThat(driftTile(CardFixtures.agent(agentId))).isEmpty();
            // /actuator/health shows it; the probes a load balancer uses do not take the instance out for it
            HealthEndpoint health = context.getBean(HealthEndpoint.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
            assertThat(health.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
        } finally {
            jdbc.update(
                    "UPDATE identity_quota SET cards_held = 1 WHERE operator = 'CHINA_MOBILE' AND id_bidx = ?",
                    counterHigh);
            jdbc.update(
                    "INSERT INTO identity_quota (operator, id_bidx, cards_held) VALUES ('CHINA_MOBILE', ?, 1)",
                    uncounted);
        }
        assertThat(driftCheck.check())
                .noneMatch(d -> List.of(agrees, counterHigh, uncounted).contains(d.idBidx()));
        assertThat(driftCheck.health().getStatus()).isEqualTo(Status.UP);
        assertThat(driftTile(CardFixtures.OPS)).isEmpty();
    }
}
