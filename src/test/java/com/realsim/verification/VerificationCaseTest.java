package com.realsim.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.identity.FreshPersonalData;
import com.realsim.identity.IdDocument;
import com.realsim.identity.IdType;
import com.realsim.identity.PersonalData;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The case aggregate on its own (with the identity module's real sealing, outside Spring): its transitions, maker-checker, claims, and the events each
 * decision registers.
 */
class VerificationCaseTest {

    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    static final Actor AGENT = new Actor(Actor.Kind.USER, 11, "li-agent", Role.AGENT, 7L, null);
    static final Actor OPS = new Actor(Actor.Kind.USER, 21, "wang-ops", Role.OPS, null, null);
    static final Actor OTHER_OPS = new Actor(Actor.Kind.USER, 22, "zhao-ops", Role.OPS, null, null);

    PersonalData personalData;

    @BeforeEach
    void sealing() {
        personalData = FreshPersonalData.create();
    }

    VerificationCase opened(Actor maker, Findings findings) {
        NewVerificationCase submission = new NewVerificationCase(
                VerificationKind.HANDLER,
                "ORDER",
                42,
                "ORD-42",
                7,
                9L,
                "张三丰",
                IdDocument.of(IdType.RESIDENT_ID, "120101200709209190", "idNumber", LocalDate.of(2026, 3, 1)),
                1,
                null,
                2L,
                maker);
        VerificationCase kase = new VerificationCase(submission, maker == null ? 5L : null, personalData, NOW);
        setId(kase, 100L);
        kase.checked(findings, maker, NOW);
        return kase;
    }

    static void setId(VerificationCase kase, long id) {
        try {
            Field field = VerificationCase.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(kase, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Findings passed() {
        return new Findings(Findings.AUTOMATIC, "CONSISTENT", "CHECKED", true, 0.95, 0.80);
    }

    @Test
    void aCaseWhoseChecksAllPassedIsApprovedBySystemAndPublishesTheDecision() {
        VerificationCase kase = opened(AGENT, passed());
        assertThat(kase.status()).isEqualTo(VerificationStatus.APPROVED);
        assertThat(kase.view().decidedBy()).isEqualTo("system");
        assertThat(kase.pendingEvents())
                .filteredOn(VerificationDecided.class::isInstance)
                .singleElement()
                .isEqualTo(new VerificationDecided(
                        100L,
                        VerificationKind.HANDLER,
                        "ORDER",
                        42,
                        VerificationStatus.APPROVED,
                        "system",
                        "automatic: every check passed"));
    }

    @Test
    void aManualCaseWaitsForReviewAndPublishesNoDecision() {
        VerificationCase kase = opened(AGENT, Findings.manual(0.80));
        assertThat(kase.status()).isEqualTo(VerificationStatus.PENDING_REVIEW);
        assertThat(kase.pendingEvents()).noneMatch(VerificationDecided.class::isInstance);
        assertThat(kase.pendingEvents())
                .filteredOn(VerificationCaseChanged.class::isInstance)
                .map(e -> ((VerificationCaseChanged) e).action())
                .containsExactly("VERIFICATION_OPENED");
    }

    @Test
    void opsApproveOrRejectOnceWithTheirNameAndReason() {
        VerificationCase approved = opened(AGENT, Findings.manual(0.80));
        approved.approve(OPS, "photo matches the ID", NOW);
        assertThat(approved.status()).isEqualTo(VerificationStatus.APPROVED);
        assertThat(approved.pendingEvents())
                .filteredOn(VerificationDecided.class::isInstance)
                .singleElement()
                .satisfies(e -> {
                    VerificationDecided decided = (VerificationDecided) e;
                    assertThat(decided.outcome()).isEqualTo(VerificationStatus.APPROVED);
                    assertThat(decided.decidedBy()).isEqualTo("wang-ops");
                    assertThat(decided.reason()).isEqualTo("photo matches the ID");
                });
        assertThatThrownBy(() -> approved.reject(OTHER_OPS, "too late", NOW))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION);

        VerificationCase rejected = opened(AGENT, Findings.manual(0.80));
        rejected.reject(OPS, "another person on the photo", NOW);
        assertThat(rejected.status()).isEqualTo(VerificationStatus.REJECTED);
        assertThat(rejected.pendingEvents())
                .filteredOn(VerificationDecided.class::isInstance)
                .singleElement()
                .extracting(e -> ((VerificationDecided) e).outcome())
                .isEqualTo(VerificationStatus.REJECTED);
        assertThatThrownBy(() -> rejected.approve(OTHER_OPS, "changed my mind", NOW))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void theSubmitterMayNotDecideNorClaimTheirOwnCase() {
        VerificationCase kase = opened(OPS, Findings.manual(0.80));
        for (Runnable attempt : new Runnable[] {
            () -> kase.approve(OPS, "looks fine", NOW),
            () -> kase.reject(OPS, "looks wrong", NOW),
            () -> kase.assign(OPS, NOW)
        }) {
            assertThatThrownBy(attempt::run)
                    .isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).code())
                    .isEqualTo(ErrorCode.SELF_APPROVAL);
        }
        assertThat(kase.status()).isEqualTo(VerificationStatus.PENDING_REVIEW);
        Actor sameIdButApiClient = new Actor(Actor.Kind.API_CLIENT, 21, "ops-client", Role.OPS, null, null);
        kase.approve(sameIdButApiClient, "checked on site", NOW);
        assertThat(kase.status()).isEqualTo(VerificationStatus.APPROVED);
    }

    @Test
    void aClaimedCaseIsDecidedByItsReviewerUntilReleased() {
        VerificationCase kase = opened(AGENT, Findings.manual(0.80));
        kase.assign(OPS, NOW);
        kase.assign(OPS, NOW); // claiming again is harmless
        assertThat(kase.view().assignedTo()).isEqualTo("wang-ops");
        assertThatThrownBy(() -> kase.assign(OTHER_OPS, NOW))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION);
        assertThatThrownBy(() -> kase.approve(OTHER_OPS, "fine", NOW)).isInstanceOf(DomainException.class);
        kase.release(OTHER_OPS);
        assertThat(kase.view().assignedTo()).isNull();
        kase.approve(OTHER_OPS, "fine", NOW);
        assertThat(kase.status()).isEqualTo(VerificationStatus.APPROVED);
        assertThat(kase.view().assignedTo())
                .as("a decided case is nobody's work")
                .isNull();
        assertThat(kase.pendingEvents())
                .filteredOn(VerificationCaseChanged.class::isInstance)
                .map(e -> ((VerificationCaseChanged) e).action())
                .containsExactly(
                        "VERIFICATION_OPENED",
                        "VERIFICATION_CLAIMED",
                        "VERIFICATION_RELEASED",
                        "VERIFICATION_APPROVED");
    }

    @Test
    void anEndUsersOwnSubmissionIsRecordedAsTheLinksAndNeverAsAnActor() {
        VerificationCase kase = opened(null, Findings.manual(0.80));
        assertThat(kase.view().submitterKey()).isEqualTo("SELF_SERVICE:5");
        assertThat(kase.view().submittedBy()).isEqualTo("self-service");
        assertThat(kase.view().selfService()).isTrue();
        assertThat(kase.pendingEvents())
                .filteredOn(VerificationCaseChanged.class::isInstance)
                .map(e -> ((VerificationCaseChanged) e).auditFacts().actor())
                .containsExactly("self-service:5");
    }

    @Test
    void auditFactsCarryMaskedValuesOnly() {
        VerificationCase kase = opened(AGENT, Findings.manual(0.80));
        kase.reject(OPS, "blurred photo", NOW);
        assertThat(kase.pendingEvents())
                .filteredOn(VerificationCaseChanged.class::isInstance)
                .allSatisfy(e -> {
                    var facts = ((VerificationCaseChanged) e).auditFacts();
                    assertThat(facts.targetType()).isEqualTo("VERIFICATION");
                    assertThat(facts.agentId()).isEqualTo(7L);
                    assertThat(facts.enterpriseId()).isEqualTo(9L);
                    assertThat(facts.details().toString())
                            .contains("120101********9190")
                            .doesNotContain("120101200709209190")
                            .doesNotContain("张三丰");
                });
    }
}
