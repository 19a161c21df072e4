package com.realsim.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.card.CardFixtures;
import com.realsim.card.EndUserStatus;
import com.realsim.document.DocumentService;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * With {@code realsim.verification.provider=http} and a fake external service: only a consistent identity with a live,
 * similar face is approved automatically; every other answer, and no answer at all, waits for OPS with the finding.
 */
@SpringBootTest(
        properties = {
            "realsim.verification.provider=http",
            "realsim.verification.http.api-key=test-key",
            "realsim.verification.http.read-timeout=400ms",
            "realsim.verification.http.max-attempts=3",
            "realsim.verification.http.backoff=10ms"
        })
@AutoConfigureMockMvc
@Import(VerificationTestConfiguration.class)
@RecordApplicationEvents
class AutomaticVerificationTest {

    static final FakeVerificationServer server = new FakeVerificationServer();

    @DynamicPropertySource
    static void externalService(DynamicPropertyRegistry registry) {
        registry.add("realsim.verification.http.base-url", server::baseUrl);
    }

    @Autowired
    VerificationService verifications;

    @Autowired
    DocumentService documents;

    @Autowired
    ApplicationEvents events;

    @Autowired
    MockMvcTester mvc;

    @BeforeEach
    void answersAsDefault() {
        server.reset();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    VerificationCaseView open() {
        return new VerificationFixtures(verifications, documents).endUserCase(VerificationFixtures.agent(601), 6011);
    }

    @Test
    void thePagesDoNotSayThatAPersonChecksEveryCase() {
        VerificationCaseView opened = open();
        for (String page : new String[] {"/verifications?status=ANY", "/verifications/" + opened.id()}) {
            assertThat(mvc.get().uri(page).with(ActorAuthentication.as(VerificationFixtures.ops())))
                    .as(page)
                    .hasStatusOk()
                    .bodyText()
                    .contains("data-id=\"" + opened.id() + "\"")
                    .doesNotContain("id=\"manual-review-banner\"");
        }
    }

    @Test
    void aConsistentIdentityWithALiveSimilarFaceIsApprovedBySystem() {
        assertThat(verifications.manualReviewOnly()).isFalse();
        VerificationCaseView opened = open();
        assertThat(opened.status()).isEqualTo(VerificationStatus.APPROVED);
        assertThat(opened.decidedBy()).isEqualTo("system");
        assertThat(opened.findings().similarity()).isEqualTo(0.93);
        assertThat(events.stream(VerificationDecided.class)).singleElement().satisfies(decided -> {
            assertThat(decided.caseId()).isEqualTo(opened.id());
            assertThat(decided.outcome()).isEqualTo(VerificationStatus.APPROVED);
            assertThat(decided.decidedBy()).isEqualTo("system");
        });
        assertThat(server.count(FakeVerificationServer.IDENTITY)).isEqualTo(1);
        assertThat(server.count(FakeVerificationServer.FACE)).isEqualTo(1);
        assertThat(server.received())
                .filteredOn(r -> r.path().equals(FakeVerificationServer.FACE))
                .singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"livePhoto\":\"/9j/"));
    }

    @Test
    void anInconsistentIdentityWaitsForReviewWithTheFinding() {
        server.answer(
                FakeVerificationServer.IDENTITY, FakeVerificationServer.Reply.json("{\"result\":\"INCONSISTENT\"}"));
        VerificationCaseView opened = open();
        assertThat(opened.status()).isEqualTo(VerificationStatus.PENDING_REVIEW);
        assertThat(opened.findings().identity()).isEqualTo("INCONSISTENT");
        assertThat(opened.findings().concerns()).containsExactly("IDENTITY_INCONSISTENT");
        assertThat(events.stream(VerificationDecided.class)).isEmpty();
    }

    @Test
    void anUnknownIdentityWaitsForReviewWithTheFinding() {
        server.answer(FakeVerificationServer.IDENTITY, FakeVerificationServer.Reply.json("{\"result\":\"NO_RECORD\"}"));
        VerificationCaseView opened = open();
        assertThat(opened.status()).isEqualTo(VerificationStatus.PENDING_REVIEW);
        assertThat(opened.findings().concerns()).containsExactly("IDENTITY_NO_RECORD");
    }

    @Test
    void aLowSimilarityWaitsForReview() {
        server.answer(
                FakeVerificationServer.FACE,
                FakeVerificationServer.Reply.json("{\"liveness\":true,\"similarity\":0.79}"));
        VerificationCaseView opened = open();
        assertThat(opened.status()).isEqualTo(VerificationStatus.PENDING_REVIEW);
        assertThat(opened.findings().concerns()).containsExactly("SIMILARITY_LOW");
        assertThat(opened.findings().threshold()).isEqualTo(0.80);
    }

    @Test
    void aServiceThatTimesOutAfterEveryRetryLeavesTheCaseToOpsNeverDecided() {
        server.answer(
                FakeVerificationServer.IDENTITY,
                FakeVerificationServer.Reply.slow("{\"result\":\"CONSISTENT\"}", 1_500));
        VerificationCaseView opened = open();
        assertThat(server.count(FakeVerificationServer.IDENTITY)).isEqualTo(3);
        assertThat(opened.status()).isEqualTo(VerificationStatus.PENDING_REVIEW);
        assertThat(opened.findings().identity()).isEqualTo("UNAVAILABLE");
        assertThat(opened.findings().concerns()).containsExactly("IDENTITY_UNAVAILABLE");
        assertThat(events.stream(VerificationDecided.class)).isEmpty();
    }

    @Test
    void aServiceThatRecoversOnRetryStillDecides() {
        server.answer(
                FakeVerificationServer.IDENTITY,
                FakeVerificationServer.Reply.status(503),
                FakeVerificationServer.Reply.json("{\"result\":\"CONSISTENT\"}"));
        VerificationCaseView opened = open();
        assertThat(server.count(FakeVerificationServer.IDENTITY)).isEqualTo(2);
        assertThat(opened.status()).isEqualTo(VerificationStatus.APPROVED);
    }

    @Test
    void aRefusedFaceComparisonWaitsForReview() {
        server.answer(FakeVerificationServer.FACE, FakeVerificationServer.Reply.status(401));
        VerificationCaseView opened = open();
        assertThat(opened.status()).isEqualTo(VerificationStatus.PENDING_REVIEW);
        assertThat(opened.findings().concerns()).containsExactly("FACE_REFUSED");
        assertThat(server.count(FakeVerificationServer.FACE)).isEqualTo(1);
    }

    @Autowired
    SelfServiceLinks links;

    @Autowired
    ApplicationContext context;

    @Test
    void anEndUsersOwnSubmissionWithoutAnyActorIsComparedAndApproved() {
        CardFixtures cards = new CardFixtures(context);
        CardFixtures.CustomerCard card = cards.endUserCard(CardFixtures.newAgent());
        IssuedLink link = cards.selfServiceLink(card.agentId(), card.iccid());
        String token = link.url().substring(link.url().lastIndexOf('/') + 1);
        SubmissionOutcome outcome = links.redeem(token, SelfServiceLinksTest.submission());
        assertThat(outcome.status()).isEqualTo(VerificationStatus.APPROVED);
        assertThat(server.count(FakeVerificationServer.FACE)).isEqualTo(1);
        assertThat(RunAs.run(VerificationFixtures.ops(), () -> verifications.get(outcome.caseId()))
                        .submittedBy())
                .isEqualTo("self-service");
        assertThat(cards.awaitEndUser(card.iccid(), EndUserStatus.VERIFIED)
                        .endUser()
                        .status())
                .as("the card module heard the automatic approval")
                .isEqualTo(EndUserStatus.VERIFIED);
    }
}
