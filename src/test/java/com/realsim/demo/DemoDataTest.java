package com.realsim.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.approval.ExceptionService;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.VerificationKind;
import com.realsim.verification.VerificationService;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.test.context.ActiveProfiles;

/**
 * The {@code demo} profile loads a living system through the real use cases, once: cards in the states a visitor
 * should see, work waiting in the OPS queues; a second start changes nothing. Cards are counted in the database, not
 * through the card module's cards-by-state numbers, which are reused for 30 s and would answer the second count from
 * the first.
 */
@SpringBootTest
@ActiveProfiles("demo")
class DemoDataTest {

    static final Actor OPS = ActorAuthentication.actor(Role.OPS, null, null);

    @Autowired
    DemoData demo;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate sql;

    @Autowired
    VerificationService verifications;

    @Autowired
    ExceptionService exceptions;

    @Test
    void theDemoShowsCardsInEveryStateAndWorkWaitingForOps() {
        assertThat(accounts.userExists("demo-enterprise")).isTrue();
        Map<String, Long> first = assertDemoState();

        demo.run(null);

        assertThat(assertDemoState()).as("every table after a second start").isEqualTo(first);
    }

    /** The demo's numbers, and the number of rows of every table the demo writes, as the database has them now. */
    private Map<String, Long> assertDemoState() {
        Map<String, Long> byState = new TreeMap<>();
        sql.query("SELECT state, count(*) FROM card GROUP BY state", (RowCallbackHandler)
                row -> byState.put(row.getString(1), row.getLong(2)));
        assertThat(byState)
                .containsEntry("INVENTORY", 50L)
                .containsEntry("PENDING_ACTIVATION", 14L)
                .containsEntry("ACTIVE", 15L)
                .containsEntry("SUSPENDED", 1L);
        VerificationService.QueueSummary queue = RunAs.run(OPS, () -> verifications.summary());
        assertThat(queue.waitingByKind())
                .containsEntry(VerificationKind.END_USER, 2L)
                .containsEntry(VerificationKind.HANDLER, 1L);
        assertThat(RunAs.run(OPS, () -> exceptions.pendingCount())).isEqualTo(1L);

        Map<String, Long> rows = new TreeMap<>();
        byState.forEach((state, count) -> rows.put("card " + state, count));
        for (String table : List.of(
                "user_account",
                "agent_organisation",
                "enterprise",
                "service_plan",
                "business_order",
                "card_end_user",
                "verification_case",
                "exception_request",
                "stored_document")) {
            rows.put(table, sql.queryForObject("SELECT count(*) FROM " + table, Long.class));
        }
        return rows;
    }
}
