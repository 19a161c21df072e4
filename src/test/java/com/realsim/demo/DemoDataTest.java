package com.realsim.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.approval.ExceptionService;
import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.VerificationKind;
import com.realsim.verification.VerificationService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The {@code demo} profile loads a living system through the real use cases, once: cards in the states a visitor
 * should see, work waiting in the OPS queues; a second start changes nothing.
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
    CardService cards;

    @Autowired
    VerificationService verifications;

    @Autowired
    ExceptionService exceptions;

    @Test
    void theDemoShowsCardsInEveryStateAndWorkWaitingForOps() {
        assertThat(accounts.userExists("demo-enterprise")).isTrue();
        assertDemoState();

        demo.run(null);

        assertDemoState();
    }

    private void assertDemoState() {
        Map<CardState, Long> byState = RunAs.run(OPS, () -> cards.countByState());
        assertThat(byState)
                .containsEntry(CardState.INVENTORY, 50L)
                .containsEntry(CardState.PENDING_ACTIVATION, 14L)
                .containsEntry(CardState.ACTIVE, 15L)
                .containsEntry(CardState.SUSPENDED, 1L);
        VerificationService.QueueSummary queue = RunAs.run(OPS, () -> verifications.summary());
        assertThat(queue.waitingByKind())
                .containsEntry(VerificationKind.END_USER, 2L)
                .containsEntry(VerificationKind.HANDLER, 1L);
        assertThat(RunAs.run(OPS, () -> exceptions.pendingCount())).isEqualTo(1L);
    }
}
