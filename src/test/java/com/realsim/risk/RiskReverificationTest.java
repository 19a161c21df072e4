package com.realsim.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.card.BlockingReason;
import com.realsim.card.BlockingReasonView;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.card.CardTestConfiguration;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.NotFoundException;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import com.realsim.verification.MutableClock;
import com.realsim.verification.ReverificationDocument;
import com.realsim.verification.Reverifications;
import com.realsim.verification.VerificationCaseView;
import com.realsim.verification.VerificationKind;
import com.realsim.verification.VerificationService;
import com.realsim.verification.VerificationStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Re-verification of flagged cards through the real modules (card, verification, document) on PostgreSQL and the
 * movable clock: OPS require it (a case per card, the deadline from the settings), the deadline passes and the overdue
 * job stops exactly the cards whose case is not approved, an approval resumes them (or not, when another reason holds
 * the card) and clears the alert; the counter path (live photo + signed notice) and the phone path (live photo +
 * accepted notice through the case's one-time link); a rejection and requiring again; refusals, roles and tenants.
 */
@SpringBootTest
@Import(CardTestConfiguration.class)
class RiskReverificationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    RiskAlerts alerts;

    @Autowired
    RiskReverifications reverifications;

    @Autowired
    Reverifications documents;

    @Autowired
    VerificationService verifications;

    @Autowired
    CardService cardService;

    RiskFixtures risk;
    CardFixtures cards;
    long agentId;
    long enterpriseId;
    final Actor ops = ActorAuthentication.actor(Role.OPS, null, null);

    @BeforeEach
    void tenant() {
        risk = new RiskFixtures(context);
        cards = risk.cards;
        agentId = CardFixtures.newAgent();
        enterpriseId = cards.verifiedEnterprise(agentId);
    }

    /** An ACTIVE card with a verified end user (ID photo on record), never used: SILENT_CARD finds it. */
    String flaggedCard() {
        return cards.activeCardWithEndUser(
                agentId, enterpriseId, cards.nonDirectionalDataPlan(), CardFixtures.newIdentity());
    }

    /** Runs SILENT_CARD (1 day) now, a day after the cards were activated; answers the card's alert. */
    long alertOf(String iccid) {
        return risk.cardAlert(RuleCode.SILENT_CARD, iccid).orElseThrow().id();
    }

    void scan() {
        risk.apply(
                risk.rule(RuleCode.SILENT_CARD, Severity.HIGH, Map.of("days", 1)),
                clock.instant().plus(Duration.ofDays(1)));
    }

    AlertView require(long alertId) {
        return RunAs.run(ops, () -> reverifications.require(alertId, "静默卡需本人重新核验"));
    }

    long caseOf(long alertId, String iccid) {
        return risk.jdbc
                .sql("SELECT reverification_case_id FROM risk_alert_card WHERE alert_id = ? AND card_id = ?")
                .params(alertId, cards.cardId(iccid))
                .query(Long.class)
                .single();
    }

    VerificationCaseView kase(long id) {
        return RunAs.run(ops, () -> verifications.get(id));
    }

    void approve(long caseId) {
        RunAs.run(ops, () -> verifications.approve(caseId, "live photo matches the ID on record"));
    }

    AlertStatus awaitAlert(long alertId, AlertStatus status) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> RunAs.run(ops, () -> alerts.alert(alertId)).status() == status);
        return status;
    }

    List<BlockingReason> activeReasons(String iccid) {
        return cards.view(iccid).blockingReasons().stream()
                .filter(BlockingReasonView::active)
                .map(BlockingReasonView::reason)
                .toList();
    }

    /** The verification decisions this module's listener has handled (the event publication registry). */
    long decisionsHeard() {
        return risk.jdbc
                .sql("SELECT count(*) FROM event_publication WHERE event_type = ? AND listener_id LIKE ?"
                        + " AND completion_date IS NOT NULL")
                .params(
                        com.realsim.verification.VerificationDecided.class.getName(),
                        ReverificationDeadlines.class.getName() + "%")
                .query(Long.class)
                .single();
    }

    void counter(long caseId) {
        RunAs.run(CardFixtures.agent(agentId), () -> {
            documents.attach(caseId, ReverificationDocument.LIVE_PHOTO, TestFiles.jpeg());
            return documents.attach(caseId, ReverificationDocument.RISK_NOTICE, TestFiles.pdf());
        });
    }

    @Test
    void theDeadlineStopsExactlyTheOverdueCardsAndAnApprovalResumesThem() {
        String late = flaggedCard();
        String onTime = flaggedCard();
        String alsoStopped = flaggedCard();
        String untouched = flaggedCard();
        scan();
        long lateAlert = alertOf(late);
        long onTimeAlert = alertOf(onTime);
        long alsoStoppedAlert = alertOf(alsoStopped);

        AlertView required = require(lateAlert);
        assertThat(required.status()).isEqualTo(AlertStatus.REVERIFICATION_REQUIRED);
        Duration deadline = RunAs.run(ops, () -> risk.rules.settings()).reverificationDeadline();
        assertThat(required.deadline())
                .isEqualTo(clock.instant().plus(deadline).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        require(onTimeAlert);
        require(alsoStoppedAlert);
        VerificationCaseView opened = kase(caseOf(lateAlert, late));
        assertThat(opened.kind()).isEqualTo(VerificationKind.REVERIFICATION);
        assertThat(opened.status()).isEqualTo(VerificationStatus.AWAITING_DOCUMENTS);
        assertThat(opened.subjectLabel()).isEqualTo(late);
        assertThat(opened.idPhotoDocumentId())
                .as("the ID photo on record")
                .isEqualTo(cards.view(late).endUser().idFrontDocumentId());
        assertThat(opened.livePhotoDocumentId()).isNull();

        // one passes at the counter before the deadline: cleared without any suspension
        long onTimeCase = caseOf(onTimeAlert, onTime);
        counter(onTimeCase);
        assertThat(kase(onTimeCase).status()).isEqualTo(VerificationStatus.PENDING_REVIEW);
        approve(onTimeCase);
        awaitAlert(onTimeAlert, AlertStatus.CLEARED);

        // another card is also stopped by OPS for its own reason
        RunAs.run(ops, () -> cardService.suspend(alsoStopped, "customer complaint"));

        // just before the deadline nothing moves
        clock.advance(deadline.minusSeconds(1));
        reverifications.markOverdue();
        assertThat(cards.view(late).state()).isEqualTo(CardState.ACTIVE);
        assertThat(RunAs.run(ops, () -> alerts.alert(lateAlert)).status())
                .isEqualTo(AlertStatus.REVERIFICATION_REQUIRED);

        clock.advance(Duration.ofSeconds(1));
        reverifications.markOverdue();
        assertThat(RunAs.run(ops, () -> alerts.alert(lateAlert)).status()).isEqualTo(AlertStatus.OVERDUE);
        assertThat(cards.view(late).state()).isEqualTo(CardState.SUSPENDED);
        assertThat(activeReasons(late)).containsExactly(BlockingReason.RISK_REVERIFICATION_OVERDUE);
        assertThat(activeReasons(alsoStopped))
                .containsExactlyInAnyOrder(BlockingReason.OPS_ACTION, BlockingReason.RISK_REVERIFICATION_OVERDUE);
        assertThat(cards.view(onTime).state()).as("its case was approved").isEqualTo(CardState.ACTIVE);
        assertThat(cards.view(onTime).blockingReasons()).isEmpty();
        assertThat(cards.view(untouched).state())
                .as("no re-verification required")
                .isEqualTo(CardState.ACTIVE);
        assertThat(RunAs.run(ops, () -> alerts.alert(alertOf(untouched))).status())
                .isEqualTo(AlertStatus.OPEN);

        // a second run changes nothing
        assertThat(reverifications.markOverdue()).isZero();

        // late, at the counter: approved, the card works again
        long lateCase = caseOf(lateAlert, late);
        counter(lateCase);
        approve(lateCase);
        awaitAlert(lateAlert, AlertStatus.CLEARED);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> cards.view(late).state() == CardState.ACTIVE);
        assertThat(activeReasons(late)).isEmpty();

        // the other one loses the overdue reason but OPS' own stop still holds it
        long alsoCase = caseOf(alsoStoppedAlert, alsoStopped);
        counter(alsoCase);
        approve(alsoCase);
        awaitAlert(alsoStoppedAlert, AlertStatus.CLEARED);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> activeReasons(alsoStopped).equals(List.of(BlockingReason.OPS_ACTION)));
        assertThat(cards.view(alsoStopped).state()).isEqualTo(CardState.SUSPENDED);

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> risk.jdbc
                                .sql("SELECT count(*) FROM audit_entry WHERE target_type = 'RISK_ALERT'"
                                        + " AND target_id = ? AND action IN ('RISK_REVERIFICATION_REQUIRED',"
                                        + " 'RISK_ALERT_OVERDUE', 'RISK_ALERT_CLEARED') AND agent_id = ?")
                                .params(Long.toString(lateAlert), agentId)
                                .query(Long.class)
                                .single()
                        == 3);
    }

    @Test
    void onThePhoneThePersonTakesALivePhotoAndAcceptsTheNoticeThroughTheCasesLink() {
        String iccid = flaggedCard();
        scan();
        long alertId = alertOf(iccid);
        require(alertId);
        long caseId = caseOf(alertId, iccid);

        String url = RunAs.run(CardFixtures.enterpriseAdmin(enterpriseId), () -> documents.link(caseId))
                .url();
        String token = url.substring(url.lastIndexOf('/') + 1);
        var outcome = documents.submit(token, TestFiles.jpeg(), true);
        assertThat(outcome.caseId()).isEqualTo(caseId);
        assertThat(outcome.status()).isEqualTo(VerificationStatus.PENDING_REVIEW);
        VerificationCaseView submitted = kase(caseId);
        assertThat(submitted.riskNoticeAcceptedAt())
                .isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(submitted.livePhotoDocumentId()).isNotNull();
        assertThat(submitted.selfService()).isTrue();
        assertThatThrownBy(() -> documents.submit(token, TestFiles.jpeg(), true))
                .as("the link is used")
                .isInstanceOf(NotFoundException.class);

        approve(caseId);
        awaitAlert(alertId, AlertStatus.CLEARED);
        assertThat(cards.view(iccid).state()).isEqualTo(CardState.ACTIVE);
    }

    @Test
    void aCardWithEnterpriseLevelRealNameOnlyIsReverifiedByTheResponsiblePerson() {
        String iccid = cards.activeDataCard(agentId, enterpriseId);
        assertThat(cards.view(iccid).endUser()).isNull();
        scan();
        long alertId = alertOf(iccid);
        require(alertId);
        VerificationCaseView opened = kase(caseOf(alertId, iccid));
        assertThat(opened.kind()).isEqualTo(VerificationKind.REVERIFICATION);
        assertThat(risk.jdbc
                        .sql("SELECT owner_type || ' ' || kind FROM stored_document WHERE id = ?")
                        .params(opened.idPhotoDocumentId())
                        .query(String.class)
                        .single())
                .as("the responsible person's ID photo on record")
                .isEqualTo("ENTERPRISE RESPONSIBLE_ID_FRONT");
        assertThat(risk.jdbc
                        .sql(
                                "SELECT id_number_masked FROM responsible_person WHERE enterprise_id = ? AND status = 'CURRENT'")
                        .params(enterpriseId)
                        .query(String.class)
                        .single())
                .isEqualTo(opened.idNumber());

        counter(opened.id());
        approve(opened.id());
        awaitAlert(alertId, AlertStatus.CLEARED);
    }

    @Test
    void aRejectedCaseLeavesTheAlertAndOpsMayRequireAgainForThatCard() {
        String iccid = flaggedCard();
        scan();
        long alertId = alertOf(iccid);
        require(alertId);
        assertThatThrownBy(() -> require(alertId))
                .as("under way, nothing rejected")
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION));
        long first = caseOf(alertId, iccid);
        counter(first);
        long heard = decisionsHeard();
        RunAs.run(ops, () -> verifications.reject(first, "someone else on the live photo"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> decisionsHeard() > heard);
        assertThat(RunAs.run(ops, () -> alerts.alert(alertId)).status()).isEqualTo(AlertStatus.REVERIFICATION_REQUIRED);

        clock.advance(Duration.ofHours(2));
        AlertView again = require(alertId);
        long second = caseOf(alertId, iccid);
        assertThat(second).isNotEqualTo(first);
        assertThat(kase(second).status()).isEqualTo(VerificationStatus.AWAITING_DOCUMENTS);
        assertThat(again.deadline()).isAfter(clock.instant());
    }

    @Test
    void onlyAnOpenAlertMovesOnlyOpsRequireAndOtherTenantsSeeNothing() {
        String iccid = flaggedCard();
        scan();
        long alertId = alertOf(iccid);
        RunAs.run(ops, () -> alerts.dismiss(alertId, "设备在仓库中待安装"));
        assertThatThrownBy(() -> require(alertId))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION));
        assertThatThrownBy(() -> require(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() ->
                        RunAs.run(CardFixtures.agent(agentId), () -> reverifications.require(alertId, "静默卡需本人重新核验")))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.FORBIDDEN));

        String other = flaggedCard();
        scan();
        long otherAlert = alertOf(other);
        BulkOutcome bulk =
                RunAs.run(ops, () -> reverifications.require(List.of(alertId, otherAlert, Long.MAX_VALUE), "批量二次核验"));
        assertThat(bulk.done()).containsExactly(otherAlert);
        assertThat(bulk.skipped()).containsExactly(alertId, Long.MAX_VALUE);

        long caseId = caseOf(otherAlert, other);
        long stranger = CardFixtures.newAgent();
        assertThatThrownBy(() -> RunAs.run(
                        CardFixtures.agent(stranger),
                        () -> documents.attach(caseId, ReverificationDocument.LIVE_PHOTO, TestFiles.jpeg())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> RunAs.run(CardFixtures.agent(stranger), () -> documents.link(caseId)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> RunAs.run(
                        ops, () -> documents.attach(caseId, ReverificationDocument.LIVE_PHOTO, TestFiles.jpeg())))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThatThrownBy(() -> RunAs.run(ops, () -> verifications.approve(caseId, "nothing submitted yet")))
                .as("nothing to review before the documents")
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION));
    }
}
