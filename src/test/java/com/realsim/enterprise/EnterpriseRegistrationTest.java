package com.realsim.enterprise;

import static com.realsim.enterprise.EnterpriseFixtures.agent;
import static com.realsim.enterprise.EnterpriseFixtures.ops;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.realsim.identity.IdType;
import com.realsim.platform.Actor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import com.realsim.testsupport.FreshNumbers;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registration, review, correction and change of enterprises, against a real PostgreSQL. */
@SpringBootTest
class EnterpriseRegistrationTest {

    @Autowired
    EnterpriseService enterprises;

    @Autowired
    JdbcClient jdbc;

    EnterpriseFixtures fixtures() {
        return new EnterpriseFixtures(enterprises);
    }

    @Test
    void anAgentRegistersSubmitsAndOpsApprove() {
        EnterpriseView verified = fixtures().verified(201, EnterpriseFixtures.code(0));

        assertThat(verified.status()).isEqualTo(EnterpriseStatus.VERIFIED);
        assertThat(verified.verifiedAt()).isNotNull();
        assertThat(enterprises.standing(verified.id())).get().satisfies(standing -> {
            assertThat(standing.complete()).isTrue();
            assertThat(standing.agentId()).isEqualTo(201);
        });
    }

    @Test
    void theStandingOfADraftIsNotVerifiedAndAnUnknownEnterpriseHasNone() {
        EnterpriseView draft = fixtures().draft(216, EnterpriseFixtures.code(4));

        assertThat(enterprises.standing(draft.id())).contains(new EnterpriseStanding(draft.id(), 216, false, true));
        assertThat(enterprises.standing(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void submittingWithoutTheDocumentsNamesTheMissingKinds() {
        EnterpriseView draft = fixtures().draft(202, EnterpriseFixtures.code(0));
        Actor agent = agent(202);
        RunAs.run(agent, () -> enterprises.attach(draft.id(), EnterpriseDocumentKind.CERTIFICATE, TestFiles.jpeg()));

        assertThatThrownBy(() -> RunAs.run(agent, () -> enterprises.submit(draft.id())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DOCUMENTS_MISSING);
                    assertThat(e.details().get("kinds"))
                            .isEqualTo(List.of("RESPONSIBLE_ID_FRONT", "RESPONSIBLE_ID_BACK"));
                });
        assertThat(RunAs.run(agent, () -> enterprises.get(draft.id())).status()).isEqualTo(EnterpriseStatus.DRAFT);
    }

    @Test
    void aRejectedRegistrationIsCorrectedAndResubmitted() {
        EnterpriseView draft = fixtures().draft(203, EnterpriseFixtures.code(1));
        Actor agent = agent(203);
        RunAs.run(agent, () -> {
            enterprises.attach(draft.id(), EnterpriseDocumentKind.CERTIFICATE, TestFiles.jpeg());
            enterprises.attach(draft.id(), EnterpriseDocumentKind.RESPONSIBLE_ID_FRONT, TestFiles.jpeg());
            enterprises.attach(draft.id(), EnterpriseDocumentKind.RESPONSIBLE_ID_BACK, TestFiles.jpeg());
            enterprises.submit(draft.id());
        });
        assertThatThrownBy(() -> RunAs.run(ops(), () -> enterprises.reject(draft.id(), "长".repeat(1001))))
                .as("a reason longer than the column is a field error, not a server error")
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.fieldProblems()).singleElement().satisfies(problem -> {
                            assertThat(problem.field()).isEqualTo("reason");
                            assertThat(problem.messageKey()).isEqualTo("review.reason.length");
                        }));
        EnterpriseView rejected = RunAs.run(ops(), () -> enterprises.reject(draft.id(), "证件照片模糊，请重新拍摄"));
        assertThat(rejected.status()).isEqualTo(EnterpriseStatus.REJECTED);
        assertThat(RunAs.run(agent, () -> enterprises.get(draft.id())).rejectionReason())
                .contains("模糊");

        EnterpriseInput corrected = EnterpriseFixtures.input("更正后的企业名称", EnterpriseFixtures.code(1));
        EnterpriseView resubmitted = RunAs.run(agent, () -> {
            enterprises.correct(draft.id(), corrected);
            enterprises.attach(draft.id(), EnterpriseDocumentKind.CERTIFICATE, TestFiles.png());
            return enterprises.submit(draft.id());
        });
        assertThat(resubmitted.status()).isEqualTo(EnterpriseStatus.SUBMITTED);
        assertThat(resubmitted.name()).isEqualTo("更正后的企业名称");
        assertThat(resubmitted.rejectionReason()).isNull();
        assertThat(RunAs.run(ops(), () -> enterprises.approve(draft.id())).status())
                .isEqualTo(EnterpriseStatus.VERIFIED);
    }

    @Test
    void blankPersonalFieldsKeepTheirValuesWhenCorrecting() {
        EnterpriseView draft = fixtures().draft(204, EnterpriseFixtures.code(2));
        EnterpriseInput blanks = new EnterpriseInput(
                "新名称",
                CertificateType.USCC,
                EnterpriseFixtures.code(2),
                "新地址",
                "",
                new EnterpriseInput.PersonInput("", IdType.RESIDENT_ID, "", "", true, null, null));
        EnterpriseView corrected = RunAs.run(agent(204), () -> enterprises.correct(draft.id(), blanks));
        assertThat(corrected.responsiblePerson().idNumber())
                .isEqualTo(draft.responsiblePerson().idNumber());
        assertThat(corrected.legalRepresentative()).isEqualTo("张*");
        assertThat(corrected.name()).isEqualTo("新名称");
    }

    @Test
    void everyBrokenRuleIsNamedAtOnce() {
        EnterpriseInput bad = new EnterpriseInput(
                "",
                CertificateType.USCC,
                "91350100M000100Y44",
                "地址",
                "李四",
                new EnterpriseInput.PersonInput(
                        "王五", IdType.RESIDENT_ID, "110101199001011235", "地址", true, null, null));
        assertThatThrownBy(() -> RunAs.run(agent(205), () -> enterprises.register(bad)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(p -> p.field() + ":" + p.code())
                                .containsExactlyInAnyOrder(
                                        "name:VALIDATION_FAILED",
                                        "certificateNumber:INVALID_USCC",
                                        "responsiblePerson.idNumber:INVALID_ID_NUMBER",
                                        "responsiblePerson.name:VALIDATION_FAILED"));
    }

    @Test
    void someoneElseThanTheLegalRepresentativeNeedsAValidAuthorisation() {
        EnterpriseInput authorised = new EnterpriseInput(
                "授权企业",
                CertificateType.USCC,
                EnterpriseFixtures.code(3),
                "地址",
                "张三",
                new EnterpriseInput.PersonInput(
                        "李四",
                        IdType.RESIDENT_ID,
                        EnterpriseFixtures.OTHER_ID_NUMBER,
                        "地址",
                        false,
                        LocalDate.now().minusYears(2),
                        LocalDate.now().minusDays(3)));
        Actor agent = agent(206);
        EnterpriseView draft = RunAs.run(agent, () -> enterprises.register(authorised));
        RunAs.run(agent, () -> {
            for (EnterpriseDocumentKind kind : EnterpriseDocumentKind.values()) {
                if (kind != EnterpriseDocumentKind.INTRODUCTION_LETTER) {
                    enterprises.attach(draft.id(), kind, TestFiles.jpeg());
                }
            }
        });
        assertThatThrownBy(() -> RunAs.run(agent, () -> enterprises.submit(draft.id())))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTHORIZATION_EXPIRED));

        EnterpriseInput withoutDates = new EnterpriseInput(
                "授权企业",
                CertificateType.USCC,
                EnterpriseFixtures.code(3),
                "地址",
                "张三",
                new EnterpriseInput.PersonInput(
                        "李四", IdType.RESIDENT_ID, EnterpriseFixtures.OTHER_ID_NUMBER, "地址", false, null, null));
        assertThatThrownBy(() -> RunAs.run(agent, () -> enterprises.correct(draft.id(), withoutDates)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(p -> p.field())
                                .contains(
                                        "responsiblePerson.authorizationValidFrom",
                                        "responsiblePerson.authorizationValidTo"));
    }

    @Test
    void anIntroductionLetterNeedsNoCodeButItsScan() {
        EnterpriseInput letter = new EnterpriseInput(
                "某某局办公室",
                CertificateType.INTRODUCTION_LETTER,
                null,
                "北京市东城区",
                "赵六",
                new EnterpriseInput.PersonInput(
                        "赵六", IdType.RESIDENT_ID, EnterpriseFixtures.ID_NUMBER, "北京市东城区", true, null, null));
        Actor agent = agent(207);
        EnterpriseView draft = RunAs.run(agent, () -> enterprises.register(letter));
        assertThat(draft.certificateNumber()).isNull();
        assertThatThrownBy(() -> RunAs.run(agent, () -> enterprises.submit(draft.id())))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.details().get("kinds"))
                                .isEqualTo(
                                        List.of("INTRODUCTION_LETTER", "RESPONSIBLE_ID_FRONT", "RESPONSIBLE_ID_BACK")));
    }

    @Test
    void aCodeIsRegisteredOnceOnThePlatformNeitherTheSameNorAnotherAgentRegistersItAgain() {
        String code = FreshNumbers.uscc();
        EnterpriseView first = fixtures().draft(208, code);

        assertAlreadyRegistered(() -> fixtures().draft(208, code));
        assertAlreadyRegistered(() -> fixtures().draft(209, code.toLowerCase(Locale.ROOT)));
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise WHERE certificate_number = ?")
                        .param(code)
                        .query(Long.class)
                        .single())
                .isOne();
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("SELECT (details->>'agentId') || ' ' || target_id || ' ' || outcome || ' '"
                                                + " || coalesce(agent_id::text, 'no owner') FROM audit_entry"
                                                + " WHERE action = 'ENTERPRISE_ALREADY_REGISTERED' AND details->>'certificateNumber' = ?"
                                                + " ORDER BY id")
                                        .param(code)
                                        .query(String.class)
                                        .list())
                        .as("OPS see both attempts; the entries belong to no tenant, so no agent reads them")
                        .containsExactlyInAnyOrder(
                                "208 " + first.id() + " REFUSED no owner", "209 " + first.id() + " REFUSED no owner"));
    }

    @Test
    void aCorrectionToACodeAnotherRecordHoldsIsRefusedAndOneKeepingItsOwnCodeIsNot() {
        String taken = FreshNumbers.uscc();
        fixtures().draft(217, taken);
        String own = FreshNumbers.uscc();
        EnterpriseView mine = fixtures().draft(218, own);
        Actor agent = agent(218);

        assertAlreadyRegistered(() ->
                RunAs.run(agent, () -> enterprises.correct(mine.id(), EnterpriseFixtures.input("改名企业", taken))));
        assertThat(RunAs.run(agent, () -> enterprises.get(mine.id())).certificateNumber())
                .isEqualTo(own);
        assertThat(RunAs.run(agent, () -> enterprises.correct(mine.id(), EnterpriseFixtures.input("改名企业", own)))
                        .name())
                .isEqualTo("改名企业");
    }

    @Test
    void aCodeACorrectionGaveUpIsFreeForAnotherRecordAndTheLookupFollows() {
        String code = FreshNumbers.uscc();
        String next = FreshNumbers.uscc();
        EnterpriseView first = fixtures().draft(219, code);
        RunAs.run(agent(219), () -> enterprises.correct(first.id(), EnterpriseFixtures.input("换码企业", next)));

        EnterpriseView second = fixtures().draft(220, code);
        assertThat(second.certificateNumber()).isEqualTo(code);
        assertThat(jdbc.sql("SELECT certificate_number || ' ' || enterprise_id FROM enterprise_certificate"
                                + " WHERE certificate_number IN (?, ?) ORDER BY 1")
                        .params(code, next)
                        .query(String.class)
                        .list())
                .as("the lookup that keeps one record per code (V366) names the records holding them")
                .containsExactlyInAnyOrder(code + " " + second.id(), next + " " + first.id());
    }

    private static void assertAlreadyRegistered(org.assertj.core.api.ThrowableAssert.ThrowingCallable attempt) {
        assertThatThrownBy(attempt)
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.fieldProblems()).singleElement().satisfies(problem -> {
                            assertThat(problem.field()).isEqualTo("certificateNumber");
                            assertThat(problem.code()).isEqualTo(ErrorCode.ENTERPRISE_ALREADY_REGISTERED);
                        }));
    }

    @Test
    void anotherAgentCannotSeeOrTouchTheRecord() {
        EnterpriseView mine = fixtures().draft(210, EnterpriseFixtures.code(1));
        Actor other = agent(211);
        assertThatThrownBy(() -> RunAs.run(other, () -> enterprises.get(mine.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> RunAs.run(other, () -> enterprises.submit(mine.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> RunAs.run(
                        other,
                        () -> enterprises.attach(mine.id(), EnterpriseDocumentKind.CERTIFICATE, TestFiles.jpeg())))
                .isInstanceOf(NotFoundException.class);
        assertThat(RunAs.run(other, () -> enterprises.list(null, null, null, null))
                        .items())
                .noneMatch(e -> e.id() == mine.id());
    }

    @Test
    void theDatabaseHoldsNoClearIdNumberNameOrAddress() {
        EnterpriseView enterprise = fixtures().draft(212, EnterpriseFixtures.code(2));
        Map<String, Object> row = jdbc.sql("SELECT * FROM responsible_person WHERE enterprise_id = ?")
                .param(enterprise.id())
                .query()
                .singleRow();
        for (Object value : row.values()) {
            String text = value instanceof byte[] bytes
                    ? new String(bytes, StandardCharsets.ISO_8859_1)
                    : String.valueOf(value);
            assertThat(text)
                    .doesNotContain(EnterpriseFixtures.ID_NUMBER)
                    .doesNotContain("张三")
                    .doesNotContain("五四路");
        }
        assertThat(row.get("id_number_masked")).isEqualTo("120101********9190");
        assertThat((byte[]) row.get("id_number_enc")).isNotEmpty();
        assertThat(row.get("id_number_bidx")).asString().hasSizeGreaterThan(20);
        Map<String, Object> enterpriseRow = jdbc.sql("SELECT * FROM enterprise WHERE id = ?")
                .param(enterprise.id())
                .query()
                .singleRow();
        assertThat(new String((byte[]) enterpriseRow.get("legal_rep_enc"), StandardCharsets.ISO_8859_1))
                .doesNotContain("张三");
    }

    @Test
    void aVerifiedEnterpriseChangesItsDetailsOnlyThroughAnApprovedChangeAndKeepsTheOldValues() {
        EnterpriseView verified = fixtures().verified(213, EnterpriseFixtures.code(3));
        Actor agent = agent(213);
        assertThatThrownBy(() -> RunAs.run(
                        agent,
                        () -> enterprises.correct(
                                verified.id(), EnterpriseFixtures.input("改名", EnterpriseFixtures.code(3)))))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION));

        ChangeRequestView change =
                RunAs.run(agent, () -> enterprises.requestDetailsChange(verified.id(), "新名称有限公司", "新地址", "王五", "公司更名"));
        assertThat(RunAs.run(agent, () -> enterprises.get(verified.id())).status())
                .isEqualTo(EnterpriseStatus.CHANGE_PENDING);
        assertThat(enterprises.standing(verified.id()).orElseThrow().complete())
                .as("a pending change does not suspend the verified real-name")
                .isTrue();

        RunAs.run(ops(), () -> enterprises.approveChange(change.id()));

        EnterpriseFile file = RunAs.run(agent, () -> enterprises.file(verified.id()));
        assertThat(file.enterprise().name()).isEqualTo("新名称有限公司");
        assertThat(file.enterprise().legalRepresentative()).isEqualTo("王*");
        assertThat(file.enterprise().status()).isEqualTo(EnterpriseStatus.VERIFIED);
        assertThat(file.revisions()).singleElement().satisfies(old -> {
            assertThat(old.name()).isEqualTo(verified.name());
            assertThat(old.legalRepresentative()).isEqualTo("张*");
        });
    }

    @Test
    void aSecondChangeWhileOneIsPendingIsAnIllegalTransitionNotAServerError() {
        EnterpriseView verified = fixtures().verified(271, EnterpriseFixtures.code(1));
        Actor agent = agent(271);
        RunAs.run(agent, () -> enterprises.requestDetailsChange(verified.id(), "新名称有限公司", "新地址", "王五", "公司更名"));

        assertThatThrownBy(() -> RunAs.run(
                        agent, () -> enterprises.requestDetailsChange(verified.id(), "又一个名称有限公司", "新地址", "王五", "再次更名")))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION));
        EnterpriseInput.PersonInput newPerson = new EnterpriseInput.PersonInput(
                "李四",
                IdType.RESIDENT_ID,
                EnterpriseFixtures.OTHER_ID_NUMBER,
                "湖北省武汉市",
                false,
                LocalDate.now().minusDays(1),
                LocalDate.now().plusYears(1));
        assertThatThrownBy(() -> RunAs.run(
                        agent, () -> enterprises.requestResponsiblePersonChange(verified.id(), newPerson, "责任人调岗")))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION));
    }

    @Test
    void aNewResponsiblePersonNeedsIdPhotosAndTheFormerOneStaysAsHistory() {
        EnterpriseView verified = fixtures().verified(214, EnterpriseFixtures.code(0));
        Actor agent = agent(214);
        EnterpriseInput.PersonInput newPerson = new EnterpriseInput.PersonInput(
                "李四",
                IdType.RESIDENT_ID,
                EnterpriseFixtures.OTHER_ID_NUMBER,
                "湖北省武汉市",
                false,
                LocalDate.now().minusDays(1),
                LocalDate.now().plusYears(1));
        ChangeRequestView change =
                RunAs.run(agent, () -> enterprises.requestResponsiblePersonChange(verified.id(), newPerson, "责任人调岗"));

        assertThatThrownBy(() -> RunAs.run(ops(), () -> enterprises.approveChange(change.id())))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DOCUMENTS_MISSING));
        RunAs.run(agent, () -> {
            enterprises.attachToChange(change.id(), EnterpriseDocumentKind.RESPONSIBLE_ID_FRONT, TestFiles.jpeg());
            enterprises.attachToChange(change.id(), EnterpriseDocumentKind.RESPONSIBLE_ID_BACK, TestFiles.jpeg());
        });
        RunAs.run(ops(), () -> enterprises.approveChange(change.id()));

        EnterpriseFile file = RunAs.run(agent, () -> enterprises.file(verified.id()));
        assertThat(file.enterprise().responsiblePerson().name()).isEqualTo("李*");
        assertThat(file.responsiblePersons())
                .extracting(ResponsiblePersonView::status)
                .containsExactly("SUPERSEDED", "CURRENT");
    }

    @Test
    void nobodyDecidesAChangeTheyRequested() {
        java.time.Instant requested = java.time.Instant.now();
        EnterpriseChangeRequest request = EnterpriseChangeRequest.ofResponsiblePerson(1, 1, 1, "why", ops(), requested);
        Actor sameOps = ops();
        EnterpriseChangeRequest mine = EnterpriseChangeRequest.ofResponsiblePerson(1, 1, 1, "why", sameOps, requested);
        assertThatThrownBy(() -> mine.approve(sameOps, java.time.Instant.now()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SELF_APPROVAL));
        request.approve(sameOps, java.time.Instant.now());
        assertThat(request.status()).isEqualTo(EnterpriseChangeRequest.Status.APPROVED);
    }

    @Test
    void onlyOpsDecideAndOnlyAgentsRegister() {
        EnterpriseView draft = fixtures().draft(215, EnterpriseFixtures.code(1));
        assertThatThrownBy(() -> RunAs.run(agent(215), () -> enterprises.approve(draft.id())))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThatThrownBy(() -> RunAs.run(
                        ops(), () -> enterprises.register(EnterpriseFixtures.input("x", EnterpriseFixtures.code(1)))))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }
}
