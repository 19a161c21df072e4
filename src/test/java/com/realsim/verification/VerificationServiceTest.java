package com.realsim.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.realsim.document.DocumentService;
import com.realsim.identity.UnmaskService;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.NotFoundException;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Cases in the default setup (no external service: manual review) against PostgreSQL: sealed at rest, waiting for
 * OPS, decided under maker-checker with events for other modules and the audit trail, scoped per tenant.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(VerificationTestConfiguration.class)
@RecordApplicationEvents
class VerificationServiceTest {

    @Autowired
    VerificationService verifications;

    @Autowired
    DocumentService documents;

    @Autowired
    UnmaskService unmasking;

    @Autowired
    JdbcTemplate sql;

    @Autowired
    ApplicationEvents events;

    VerificationFixtures fixtures() {
        return new VerificationFixtures(verifications, documents);
    }

    @Test
    void withoutAnExternalServiceEveryCaseWaitsForManualReviewAndSaysWhy() {
        assertThat(verifications.manualReviewOnly()).isTrue();
        VerificationCaseView opened = fixtures().handlerCase(VerificationFixtures.agent(401), 4011);
        assertThat(opened.status()).isEqualTo(VerificationStatus.PENDING_REVIEW);
        assertThat(opened.findings().manualOnly()).isTrue();
        assertThat(opened.findings().concerns()).containsExactly("MANUAL_ONLY");
        assertThat(events.stream(VerificationDecided.class)).isEmpty();
    }

    @Test
    void personalDataIsSealedAtRestAndMaskedInTheView() {
        VerificationCaseView opened = fixtures().endUserCase(VerificationFixtures.agent(402), 4021);
        assertThat(opened.personName()).isEqualTo("张*丰");
        assertThat(opened.idNumber()).isEqualTo("120101********9190");
        String row = sql.queryForObject(
                "SELECT concat_ws('|', name_masked, id_number_masked, encode(name_enc, 'escape'),"
                        + " encode(id_number_enc, 'escape'), id_number_bidx) FROM verification_case WHERE id = ?",
                String.class,
                opened.id());
        assertThat(row).doesNotContain(VerificationFixtures.ID_NUMBER).doesNotContain("张三丰");
        String revealed = RunAs.run(
                VerificationFixtures.ops(),
                () -> unmasking.unmask("VERIFICATION", opened.id(), "idNumber", "checking the photo"));
        assertThat(revealed).isEqualTo(VerificationFixtures.ID_NUMBER);
        assertThat(RunAs.run(
                        VerificationFixtures.ops(),
                        () -> unmasking.unmask("VERIFICATION", opened.id(), "name", "checking the photo")))
                .isEqualTo("张三丰");
    }

    @Test
    void opsApproveWithAReasonAndEveryModuleHearsIt() {
        VerificationCaseView opened = fixtures().handlerCase(VerificationFixtures.agent(403), 4031);
        Actor ops = VerificationFixtures.ops();
        VerificationCaseView approved =
                RunAs.run(ops, () -> verifications.approve(opened.id(), "photo matches the ID"));
        assertThat(approved.status()).isEqualTo(VerificationStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(ops.name());
        assertThat(events.stream(VerificationDecided.class))
                .containsExactly(new VerificationDecided(
                        opened.id(),
                        VerificationKind.HANDLER,
                        "ORDER",
                        opened.subjectId(),
                        VerificationStatus.APPROVED,
                        ops.name(),
                        "photo matches the ID"));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(sql.queryForList(
                                "SELECT action FROM audit_entry WHERE target_type = 'VERIFICATION' AND target_id = ?"
                                        + " ORDER BY id",
                                String.class,
                                String.valueOf(opened.id())))
                        // Both are recorded; their listeners run asynchronously, so the order of appends is free.
                        .containsExactlyInAnyOrder("VERIFICATION_OPENED", "VERIFICATION_APPROVED"));
        assertThat(sql.queryForObject(
                        "SELECT details::text FROM audit_entry WHERE target_type = 'VERIFICATION' AND target_id = ?"
                                + " AND action = 'VERIFICATION_APPROVED'",
                        String.class,
                        String.valueOf(opened.id())))
                .contains("120101********9190")
                .doesNotContain(VerificationFixtures.ID_NUMBER);
    }

    @Test
    void aRejectionNeedsAReasonAndIsFinal() {
        VerificationCaseView opened = fixtures().endUserCase(VerificationFixtures.agent(404), 4041);
        Actor ops = VerificationFixtures.ops();
        assertThatThrownBy(() -> RunAs.run(ops, () -> verifications.reject(opened.id(), " ")))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).fieldProblems())
                        .singleElement()
                        .extracting(p -> p.field())
                        .isEqualTo("reason"));
        assertThat(RunAs.run(ops, () -> verifications.reject(opened.id(), "someone else on the photo"))
                        .status())
                .isEqualTo(VerificationStatus.REJECTED);
        assertThat(events.stream(VerificationDecided.class))
                .singleElement()
                .extracting(VerificationDecided::outcome)
                .isEqualTo(VerificationStatus.REJECTED);
        assertThatThrownBy(() -> RunAs.run(ops, () -> verifications.approve(opened.id(), "after all")))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION);
    }

    @Test
    void onlyOpsDecideAndNeverTheirOwnCase() {
        Actor agent = VerificationFixtures.agent(405);
        VerificationCaseView byAgent = fixtures().handlerCase(agent, 4051);
        assertThatThrownBy(() -> RunAs.run(agent, () -> verifications.approve(byAgent.id(), "my own")))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.FORBIDDEN);
        Actor ops = VerificationFixtures.ops();
        VerificationCaseView byOps = fixtures().handlerCase(ops, 4052);
        assertThatThrownBy(() -> RunAs.run(ops, () -> verifications.approve(byOps.id(), "my own")))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.SELF_APPROVAL);
        assertThat(RunAs.run(VerificationFixtures.ops(), () -> verifications.approve(byOps.id(), "checked"))
                        .status())
                .isEqualTo(VerificationStatus.APPROVED);
    }

    @Test
    void anotherTenantsCaseIsNotFoundAndCannotBeOpened() {
        VerificationCaseView theirs = fixtures().handlerCase(VerificationFixtures.agent(406), 4061);
        Actor otherAgent = VerificationFixtures.agent(407);
        Actor otherEnterprise = ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, 4062L);
        for (Actor outsider : new Actor[] {otherAgent, otherEnterprise}) {
            assertThatThrownBy(() -> RunAs.run(outsider, () -> verifications.get(theirs.id())))
                    .isInstanceOf(NotFoundException.class);
        }
        Actor ownEnterprise = ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, 4061L);
        assertThat(RunAs.run(ownEnterprise, () -> verifications.get(theirs.id()))
                        .id())
                .isEqualTo(theirs.id());
        assertThatThrownBy(() -> RunAs.run(
                        otherAgent,
                        () -> verifications.open(new NewVerificationCase(
                                VerificationKind.HANDLER,
                                "ORDER",
                                1,
                                "ORD-1",
                                406,
                                4061L,
                                "张三",
                                VerificationFixtures.idDocument(),
                                theirs.idPhotoDocumentId(),
                                null,
                                theirs.livePhotoDocumentId(),
                                otherAgent))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCaseWithoutAnActorIsRefusedOutsideASelfServiceLink() {
        VerificationCaseView any = fixtures().endUserCase(VerificationFixtures.agent(408), 4081);
        assertThatThrownBy(() -> verifications.open(new NewVerificationCase(
                        VerificationKind.END_USER,
                        "CARD",
                        any.subjectId(),
                        any.subjectLabel(),
                        408,
                        4081L,
                        "张三",
                        VerificationFixtures.idDocument(),
                        any.idPhotoDocumentId(),
                        null,
                        any.livePhotoDocumentId(),
                        null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theQueueFiltersCountsAndPagesWithinTheScope() {
        Actor agent = VerificationFixtures.agent(409);
        VerificationFixtures fixtures = fixtures();
        VerificationCaseView first = fixtures.handlerCase(agent, 4091);
        VerificationCaseView second = fixtures.endUserCase(agent, 4091);
        VerificationCaseView third = fixtures.endUserCase(agent, 4091);
        fixtures.handlerCase(VerificationFixtures.agent(410), 4101);
        Actor ops = VerificationFixtures.ops();
        RunAs.run(ops, () -> verifications.assign(second.id()));

        var agentsOwn = RunAs.run(agent, () -> verifications.list(null, null, null, null, 10));
        assertThat(agentsOwn.items())
                .extracting(VerificationCaseView::id)
                .containsExactly(third.id(), second.id(), first.id());
        var page1 = RunAs.run(agent, () -> verifications.list(VerificationStatus.PENDING_REVIEW, null, null, null, 2));
        assertThat(page1.items()).extracting(VerificationCaseView::id).containsExactly(first.id(), second.id());
        var page2 = RunAs.run(
                agent, () -> verifications.list(VerificationStatus.PENDING_REVIEW, null, null, page1.nextCursor(), 2));
        assertThat(page2.items()).extracting(VerificationCaseView::id).containsExactly(third.id());
        assertThat(page2.nextCursor()).isNull();
        assertThat(RunAs.run(agent, () -> verifications.list(null, VerificationKind.END_USER, null, null, 10))
                        .items())
                .extracting(VerificationCaseView::id)
                .containsExactly(third.id(), second.id());

        List<Long> mine = RunAs.run(
                        ops,
                        () -> verifications.list(
                                VerificationStatus.PENDING_REVIEW, null, VerificationService.Assignment.ME, null, 50))
                .items()
                .stream()
                .map(VerificationCaseView::id)
                .toList();
        assertThat(mine).containsExactly(second.id());
        List<Long> unassigned = RunAs.run(
                        ops,
                        () -> verifications.list(
                                VerificationStatus.PENDING_REVIEW,
                                null,
                                VerificationService.Assignment.UNASSIGNED,
                                null,
                                500))
                .items()
                .stream()
                .map(VerificationCaseView::id)
                .toList();
        assertThat(unassigned).contains(first.id(), third.id()).doesNotContain(second.id());

        VerificationService.QueueSummary summary = RunAs.run(agent, verifications::summary);
        assertThat(summary.waiting()).isEqualTo(3);
        assertThat(summary.waitingByKind().get(VerificationKind.END_USER)).isEqualTo(2);
        assertThat(summary.waitingByKind().get(VerificationKind.HANDLER)).isEqualTo(1);
        assertThat(summary.waitingUnassigned()).isEqualTo(2);
        assertThat(summary.oldestWaitingSince()).isEqualTo(first.createdAt());
        assertThat(RunAs.run(ops, verifications::summary).waitingMine()).isEqualTo(1);
    }
}
