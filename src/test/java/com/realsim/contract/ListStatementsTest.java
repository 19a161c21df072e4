package com.realsim.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.enterprise.EnterpriseView;
import com.realsim.order.OrderFixtures;
import com.realsim.order.OrderType;
import com.realsim.platform.Actor;
import com.realsim.testsupport.ActorAuthentication;
import jakarta.persistence.EntityManagerFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The main list pages and Partner API lists run as many statements for a page of 2 rows as for a page of 12: no row
 * of a page loads anything on its own (a lazy association, a look-up per row). Counted with Hibernate's statistics
 * ({@code hibernate.generate_statistics}: every JDBC statement Hibernate prepares) for two agents, one with 2 cards and
 * orders and one enterprise, one with 12 cards and orders and four enterprises, each reading its own lists.
 */
@SpringBootTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
@AutoConfigureMockMvc
class ListStatementsTest {

    static final int FEW = 2;
    static final int MANY = 12;

    static final List<String> LISTS = List.of(
            "/api/v1/cards?size=50",
            "/api/v1/orders?size=50",
            "/api/v1/enterprises?size=50",
            "/cards",
            "/orders",
            "/enterprises",
            "/audit");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    EntityManagerFactory entityManagers;

    @Test
    void aListPageRunsAsManyStatementsForTwelveRowsAsForTwo() {
        Actor few = agentWith(FEW);
        Actor many = agentWith(MANY);
        Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        // once each to warm every cache (plans, rules, the first look-ups), then counted
        LISTS.forEach(path -> statements(statistics, few, path, FEW));

        Map<String, List<Long>> counted = new LinkedHashMap<>();
        for (String path : LISTS) {
            counted.put(
                    path, List.of(statements(statistics, few, path, FEW), statements(statistics, many, path, MANY)));
        }

        assertThat(counted)
                .allSatisfy((path, counts) -> assertThat(counts.get(1))
                        .as("statements of %s with %d rows and with %d: %s", path, FEW, MANY, counts)
                        .isEqualTo(counts.get(0)));
    }

    private long statements(Statistics statistics, Actor actor, String path, int rows) {
        statistics.clear();
        assertThat(mvc.get().uri(path).with(ActorAuthentication.as(actor))).hasStatusOk();
        return statistics.getPrepareStatementCount();
    }

    /**
     * An agent with this many cards and open orders on them, and verified enterprises (1 or 4: the shared test vectors
     * have four codes per agent).
     */
    private Actor agentWith(int count) {
        OrderFixtures orders = new OrderFixtures(context);
        long agentId = OrderFixtures.newAgentId();
        Actor agent = OrderFixtures.agent(agentId);
        EnterpriseView first = null;
        for (int i = 0; i < (count == FEW ? 1 : 4); i++) {
            EnterpriseView enterprise = orders.verifiedEnterprise(agentId);
            first = first == null ? enterprise : first;
        }
        List<String> held = orders.enterpriseCards(count, orders.dataOnlyPlan(), agentId, first.id());
        for (String iccid : held) {
            orders.submit(agent, OrderFixtures.of(OrderType.REAL_NAME_SUPPLEMENT, first.id(), List.of(iccid)));
        }
        return agent;
    }
}
