package com.realsim.card;

import static com.realsim.card.CardFixtures.agent;
import static com.realsim.card.CardFixtures.enterpriseAdmin;
import static com.realsim.card.CardFixtures.newAgent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.MutableClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.assertj.core.api.AbstractIntegerAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The operator's feed about cards through the API: ARREARS and the data-limit stop set and cleared on the stack of
 * blocking reasons (the card works again only when the stack is empty), eSIM profile events kept on the card with an
 * ENABLE on another EID stopping it for machine-card separation, each bad event rejected by index and code, and who
 * may send them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
class CardFeedTest {

    static final String EID = "89049032000001000000012345678901";
    static final String OTHER_EID = "89049032000001000000098765432109";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CardService cards;

    @Autowired
    MutableClock clock;

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

    AbstractJsonContentAssert<?> post(String uri, String body, Actor actor, HttpStatus status) {
        return assertThat(mvc.post()
                        .uri(uri)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(actor)))
                .hasStatus(status)
                .bodyJson();
    }

    void status(String iccid, String event, Instant at) {
        post(
                        "/api/v1/cards/status-events",
                        "[{\"iccid\":\"%s\",\"event\":\"%s\",\"at\":\"%s\"}]".formatted(iccid, event, at),
                        CardFixtures.OPS,
                        HttpStatus.ACCEPTED)
                .extractingPath("$.accepted")
                .isEqualTo(1);
    }

    List<BlockingReason> reasons(String iccid) {
        return fx.view(iccid).activeReasons().stream()
                .map(BlockingReasonView::reason)
                .toList();
    }

    @Test
    void arrearsComeAndGoOnTheStackAndTheCardWorksOnlyWhenNothingElseHoldsIt() {
        String iccid = fx.activeDataCard(agentId, enterpriseId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        RunAs.run(CardFixtures.OPS, () -> cards.suspend(iccid, "meter tampered with"));

        status(iccid, "ARREARS", now.minusSeconds(60));
        // in arrears since the moment the operator reports, before the stop by OPS
        assertThat(reasons(iccid)).containsExactly(BlockingReason.ARREARS, BlockingReason.OPS_ACTION);
        // paid: ARREARS goes, OPS_ACTION still holds the card
        status(iccid, "ARREARS_CLEARED", now.minusSeconds(30));
        assertThat(reasons(iccid)).containsExactly(BlockingReason.OPS_ACTION);
        assertThat(fx.view(iccid).state()).isEqualTo(CardState.SUSPENDED);
        // a late ARREARS older than that payment changes nothing
        status(iccid, "ARREARS", now.minusSeconds(45));
        assertThat(reasons(iccid)).containsExactly(BlockingReason.OPS_ACTION);

        status(iccid, "ARREARS", now.minusSeconds(10));
        status(iccid, "DATA_LIMIT_REACHED", now.minusSeconds(10));
        assertThatThrownBy(() -> RunAs.run(CardFixtures.OPS, () -> cards.resume(iccid, "meter checked")))
                .isInstanceOf(CardStillBlocked.class);
        assertThat(reasons(iccid)).containsExactly(BlockingReason.ARREARS, BlockingReason.DATA_LIMIT_REACHED);
        status(iccid, "DATA_LIMIT_RESET", now);
        assertThat(reasons(iccid)).containsExactly(BlockingReason.ARREARS);
        assertThat(fx.view(iccid).state()).isEqualTo(CardState.SUSPENDED);
        status(iccid, "ARREARS_CLEARED", now);
        assertThat(reasons(iccid)).isEmpty();
        assertThat(fx.view(iccid).state()).isEqualTo(CardState.ACTIVE);
    }

    @Test
    void ofSeveralEventsOfOneCardInABatchTheLatestCountsAndBadOnesAreRejectedByIndexAndCode() {
        String iccid = fx.activeDataCard(agentId, enterpriseId);
        String waiting = fx.enterpriseCard(agentId, enterpriseId);
        String inventory = fx.inventoryCard("138", fx.directionalDataPlan());
        String at = clock.instant().toString();
        String earlier = clock.instant().minusSeconds(5).toString();
        var answer = post(
                "/api/v1/cards/status-events",
                """
                [{"iccid":"%1$s","event":"ARREARS_CLEARED","at":"%2$s"},
                 {"iccid":"%1$s","event":"ARREARS","at":"%3$s"},
                 {"iccid":"%1$s","event":"SUSPENDED","at":"%2$s"},
                 {"iccid":"%1$s","event":"ARREARS","at":"yesterday"},
                 {"iccid":"%4$s","event":"ARREARS","at":"%2$s"},
                 {"iccid":"%5$s","event":"ARREARS","at":"%2$s"},
                 {"iccid":"%6$s","event":"ARREARS","at":"%2$s"},
                 {"iccid":"12345","event":"ARREARS","at":"%2$s"}]""".formatted(iccid, at, earlier, CardFixtures.iccid(), inventory, waiting),
                CardFixtures.OPS,
                HttpStatus.ACCEPTED);
        answer.extractingPath("$.accepted").isEqualTo(2);
        answer.extractingPath("$.rejected[*].index").asArray().containsExactly(2, 3, 4, 5, 6, 7);
        answer.extractingPath("$.rejected[*].code")
                .asArray()
                .containsExactly(
                        "VALIDATION_FAILED",
                        "VALIDATION_FAILED",
                        "NOT_FOUND",
                        "ILLEGAL_STATE_TRANSITION",
                        "ILLEGAL_STATE_TRANSITION",
                        "INVALID_ICCID");
        answer.extractingPath("$.rejected[*].field")
                .asArray()
                .containsExactly("event", "at", "iccid", "iccid", "iccid", "iccid");
        // the payment came after the arrears it answers: the card was never stopped
        assertThat(reasons(iccid)).isEmpty();
        assertThat(fx.view(iccid).state()).isEqualTo(CardState.ACTIVE);
    }

    @Test
    void anEsimEnabledOnAnotherEidIsStoppedForMachineCardSeparationAndTheEventsAreKept() {
        String esim = fx.activeCardOfForm(agentId, enterpriseId, "ESIM", EID);
        String plugIn = fx.activeDataCard(agentId, enterpriseId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String events = """
                [{"iccid":"%1$s","eid":"%2$s","operation":"DOWNLOAD","at":"%4$s"},
                 {"iccid":"%1$s","eid":"%2$s","operation":"ENABLE","at":"%5$s"},
                 {"iccid":"%3$s","eid":"%2$s","operation":"ENABLE","at":"%5$s"},
                 {"iccid":"%1$s","eid":"1234","operation":"ENABLE","at":"%5$s"},
                 {"iccid":"%1$s","eid":"%2$s","operation":"SWAP","at":"%5$s"}]""".formatted(esim, EID, plugIn, now.minusSeconds(120), now.minusSeconds(60));

        var answer = post("/api/v1/esim/events", events, CardFixtures.OPS, HttpStatus.ACCEPTED);
        answer.extractingPath("$.accepted").isEqualTo(2);
        answer.extractingPath("$.rejected[*].index").asArray().containsExactly(2, 3, 4);
        answer.extractingPath("$.rejected[*].field").asArray().containsExactly("iccid", "eid", "operation");
        assertThat(fx.view(esim).state()).isEqualTo(CardState.ACTIVE);

        // sent again: kept once
        post("/api/v1/esim/events", events, CardFixtures.OPS, HttpStatus.ACCEPTED);
        eventsOf(esim).isEqualTo(2);

        post(
                "/api/v1/esim/events",
                "[{\"iccid\":\"%s\",\"eid\":\"%s\",\"operation\":\"ENABLE\",\"at\":\"%s\"}]"
                        .formatted(esim, OTHER_EID, now),
                CardFixtures.OPS,
                HttpStatus.ACCEPTED);
        assertThat(reasons(esim)).containsExactly(BlockingReason.MACHINE_CARD_SEPARATION);
        assertThat(fx.view(esim).state()).isEqualTo(CardState.SUSPENDED);
        eventsOf(esim).isEqualTo(3);
    }

    AbstractIntegerAssert<?> eventsOf(String iccid) {
        return assertThat(sql.queryForObject(
                "SELECT count(*)::int FROM card_esim_event e JOIN card c ON c.id = e.card_id WHERE c.iccid = ?",
                Integer.class,
                iccid));
    }

    @Test
    void onlyOpsAndTheOperatorsFeedClientSendTheFeed() {
        for (String uri : List.of("/api/v1/cards/status-events", "/api/v1/esim/events", "/api/v1/usage")) {
            for (Actor refused : List.of(
                    agent(agentId), enterpriseAdmin(enterpriseId), ActorAuthentication.actor(Role.ADMIN, null, null))) {
                post(uri, "[]", refused, HttpStatus.FORBIDDEN)
                        .extractingPath("$.code")
                        .isEqualTo("FORBIDDEN");
            }
            post(uri, "[]", CardFixtures.OPS, HttpStatus.ACCEPTED)
                    .extractingPath("$.accepted")
                    .isEqualTo(0);
        }
    }
}
