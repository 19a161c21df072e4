package com.realsim.card.domain;

import static com.realsim.card.CardFixtures.newAgent;
import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.approval.CardEligibility;
import com.realsim.card.BlockingReason;
import com.realsim.card.BlockingReasonView;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.card.CardTestConfiguration;
import com.realsim.card.CardView;
import com.realsim.testsupport.RunAs;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An ADMIN's edit of a real-name rule re-judges the working cards it touches, through the real path (the catalogue's
 * edit, its event, the card module's job): a card that no longer meets its requirement gets {@code UNVERIFIED}; when
 * the edit is undone it loses it again — working at once if that was its only reason, still suspended for another.
 * Cards the rule does not match are left alone.
 */
@SpringBootTest
@Import(CardTestConfiguration.class)
class RealNameRejudgementTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CardService cards;

    @Autowired
    JdbcTemplate sql;

    List<BlockingReason> reasons(CardView card) {
        return card.blockingReasons().stream()
                .filter(BlockingReasonView::active)
                .map(BlockingReasonView::reason)
                .toList();
    }

    @Test
    void aRuleEditStopsTheCardsThatNoLongerMeetItAndTheUndoneEditFreesThem() {
        CardFixtures fx = new CardFixtures(context);
        long agentId = newAgent();
        long enterpriseId = fx.verifiedEnterprise(agentId);
        String code = "T_REJUDGE_" + System.nanoTime() % 1_000_000_000;
        String onlyReason = fx.cardUnderOwnRule(code, CardEligibility.Allowed.NOT_NEEDED, agentId, enterpriseId);
        fx.activate(onlyReason);
        String otherCode = code + "_B";
        String alsoStopped = fx.cardUnderOwnRule(otherCode, CardEligibility.Allowed.NOT_NEEDED, agentId, enterpriseId);
        fx.activate(alsoStopped);
        RunAs.run(CardFixtures.OPS, () -> cards.suspend(alsoStopped, "checking the site"));
        String untouched = fx.activeDataCard(agentId, enterpriseId);

        // the ADMIN now requires the end user of these numbers
        fx.changeOwnRule(code, CardEligibility.Allowed.PROVINCIAL_APPROVAL);
        fx.changeOwnRule(otherCode, CardEligibility.Allowed.PROVINCIAL_APPROVAL);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> reasons(fx.view(onlyReason)).contains(BlockingReason.UNVERIFIED)
                        && reasons(fx.view(alsoStopped)).contains(BlockingReason.UNVERIFIED));
        assertThat(fx.view(onlyReason).state()).isEqualTo(CardState.SUSPENDED);
        assertThat(reasons(fx.view(alsoStopped)))
                .containsExactlyInAnyOrder(BlockingReason.OPS_ACTION, BlockingReason.UNVERIFIED);
        assertThat(fx.view(untouched).state())
                .as("a card the rule does not match")
                .isEqualTo(CardState.ACTIVE);
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> sql.queryForObject(
                                "SELECT count(*) FROM audit_entry WHERE target_id = ? AND action = 'CARD_SUSPENDED'"
                                        + " AND details::text LIKE '%UNVERIFIED%'",
                                Long.class, onlyReason)
                        == 1);

        // the edit undone: the real-name meets the requirement again
        fx.changeOwnRule(code, CardEligibility.Allowed.NOT_NEEDED);
        fx.changeOwnRule(otherCode, CardEligibility.Allowed.NOT_NEEDED);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> fx.view(onlyReason).state() == CardState.ACTIVE
                        && !reasons(fx.view(alsoStopped)).contains(BlockingReason.UNVERIFIED));
        assertThat(reasons(fx.view(onlyReason))).isEmpty();
        CardView stillStopped = fx.view(alsoStopped);
        assertThat(stillStopped.state()).as("OPS' stop stays").isEqualTo(CardState.SUSPENDED);
        assertThat(reasons(stillStopped)).containsExactly(BlockingReason.OPS_ACTION);
    }
}
