package com.realsim.card.domain;

import static com.realsim.card.CardFixtures.agent;
import static com.realsim.card.CardFixtures.newAgent;
import static com.realsim.card.CardFixtures.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.card.CardFixtures;
import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.card.CardTestConfiguration;
import com.realsim.card.EndUserService;
import com.realsim.catalogue.Operator;
import com.realsim.identity.IdDocument;
import com.realsim.platform.Actor;
import com.realsim.platform.error.DomainException;
import com.realsim.testsupport.RunAs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Acts on one card at once queue on the card's row lock and each sees the card as the one before it left it: none of
 * them meets a stale version of the card when it writes (the mixed load over HTTP once saw a binding of a card locked
 * {@code FOR UPDATE} fail its optimistic version check at commit). Real PostgreSQL, the real use cases, many threads.
 */
@SpringBootTest
@Import(CardTestConfiguration.class)
class OneCardRaceTest {

    static final int RACERS = 16;

    @Autowired
    ApplicationContext context;

    @Autowired
    EndUserService endUsers;

    @Autowired
    CardService cards;

    @Autowired
    QuotaDriftCheck driftCheck;

    @Autowired
    JdbcTemplate sql;

    CardFixtures fx;
    long agentId;
    long enterpriseId;

    @BeforeEach
    void fixtures() {
        fx = new CardFixtures(context);
        agentId = newAgent();
        enterpriseId = fx.verifiedEnterprise(agentId);
    }

    /** What each racer ended with: null when its act succeeded, else the exception's class and message. */
    static List<String> race(List<Callable<Object>> acts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(acts.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (Callable<Object> act : acts) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        act.call();
                        return null;
                    } catch (DomainException refused) {
                        return refused.code().name();
                    } catch (RuntimeException failed) {
                        return failed.getClass().getSimpleName() + ": " + failed.getMessage();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentBindingsOfOneCardEachReplaceThePreviousAndNoneLosesAVersionCheck() throws Exception {
        String iccid = fx.enterpriseCard(agentId, enterpriseId, "138", fx.nonDirectionalDataPlan());
        Actor agent = agent(agentId);
        List<IdDocument> people = new ArrayList<>();
        List<Callable<Object>> binds = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            IdDocument person = newIdentity();
            people.add(person);
            binds.add(() -> RunAs.run(agent, () -> endUsers.bind(iccid, CardFixtures.details(person))));
        }

        List<String> outcomes = race(binds);

        assertThat(outcomes)
                .as("every binding of the card succeeded, one after the other")
                .containsOnlyNulls();
        assertThat(sql.queryForObject(
                        "SELECT count(*) FROM card_end_user e JOIN card c ON c.id = e.card_id WHERE c.iccid = ?",
                        Long.class,
                        iccid))
                .isEqualTo(RACERS);
        assertThat(sql.queryForObject(
                        "SELECT count(*) FROM card_end_user e JOIN card c ON c.id = e.card_id"
                                + " WHERE c.iccid = ? AND e.ended_at IS NULL",
                        Long.class,
                        iccid))
                .isEqualTo(1);
        assertThat(people.stream()
                        .mapToInt(person -> fx.held(Operator.CHINA_MOBILE, person))
                        .sum())
                .as("one slot held, by the last binding's identity")
                .isEqualTo(1);
        assertThat(driftCheck.check()).isEmpty();
    }

    @Test
    void concurrentActivationsAndBindingsOfOneCardSerialise() throws Exception {
        String iccid = fx.enterpriseCard(agentId, enterpriseId);
        Actor agent = agent(agentId);
        List<Callable<Object>> acts = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            if (i % 2 == 0) {
                acts.add(() -> RunAs.run(agent, () -> cards.activate(iccid)));
            } else {
                IdDocument person = newIdentity();
                acts.add(() -> RunAs.run(agent, () -> endUsers.bind(iccid, CardFixtures.details(person))));
            }
        }

        List<String> outcomes = race(acts);

        List<String> activations = new ArrayList<>();
        List<String> bindings = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            (i % 2 == 0 ? activations : bindings).add(outcomes.get(i));
        }
        assertThat(bindings).as("every binding succeeded").containsOnlyNulls();
        assertThat(activations.stream().filter(outcome -> outcome == null))
                .as("exactly one activation")
                .hasSize(1);
        assertThat(activations.stream().filter(outcome -> outcome != null))
                .as("the others found the card working already")
                .containsOnly("ILLEGAL_STATE_TRANSITION");
        assertThat(fx.view(iccid).state()).isEqualTo(CardState.ACTIVE);
        assertThat(sql.queryForObject(
                        "SELECT count(*) FROM card_end_user e JOIN card c ON c.id = e.card_id"
                                + " WHERE c.iccid = ? AND e.ended_at IS NULL",
                        Long.class,
                        iccid))
                .isEqualTo(1);
        assertThat(driftCheck.check()).isEmpty();
    }
}
