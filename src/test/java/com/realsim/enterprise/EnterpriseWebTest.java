package com.realsim.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.FreshNumbers;
import com.realsim.testsupport.TestFiles;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The enterprise pages and API for each role: who may, who may not, and other tenants' ids. */
@SpringBootTest
@AutoConfigureMockMvc
class EnterpriseWebTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    EnterpriseService enterprises;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    static final String VALID_BODY = """
            {"name": "福州云联科技有限公司", "certificateType": "USCC", "certificateNumber": "91350102tx412dmu73",
             "certificateAddress": "福州市鼓楼区", "legalRepresentative": "张三",
             "responsiblePerson": {"name": "张三", "idType": "RESIDENT_ID", "idNumber": "120101200709209190",
               "idAddress": "福州市鼓楼区", "legalRepresentative": true}}""";

    Actor agent(long id) {
        return ActorAuthentication.actor(Role.AGENT, id, null);
    }

    /** The valid body with a code no other registration of the run uses, typed in lower case. */
    static String validBody(String code) {
        return VALID_BODY.replace("91350102tx412dmu73", code.toLowerCase(Locale.ROOT));
    }

    @Test
    void anAgentRegistersThroughTheApiAndGetsAMaskedRecord() {
        String code = FreshNumbers.uscc();
        var answer = mvc.post()
                .uri("/api/v1/enterprises")
                .contentType(MediaType.APPLICATION_JSON)
                .content(validBody(code))
                .with(ActorAuthentication.as(agent(301)))
                .exchange();
        assertThat(answer).hasStatus(HttpStatus.CREATED);
        assertThat(answer).bodyJson().extractingPath("$.status").isEqualTo("DRAFT");
        assertThat(answer).bodyJson().extractingPath("$.certificateNumber").isEqualTo(code);
        assertThat(answer)
                .bodyJson()
                .extractingPath("$.responsiblePerson.idNumber")
                .isEqualTo("120101********9190");
        assertThat(answer).bodyText().doesNotContain("120101200709209190").doesNotContain("张三");
    }

    @Test
    void aCodeAnotherAgentRegisteredAnswers409NamingTheFieldButNotTheAgent() {
        String code = FreshNumbers.uscc();
        EnterpriseView theirs = new EnterpriseFixtures(enterprises).draft(320, code);
        var answer = mvc.post()
                .uri("/api/v1/enterprises")
                .contentType(MediaType.APPLICATION_JSON)
                .content(validBody(code))
                .header("Accept-Language", "en")
                .with(ActorAuthentication.as(agent(321)))
                .exchange();
        assertThat(answer).hasStatus(HttpStatus.CONFLICT).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.code").isEqualTo("ENTERPRISE_ALREADY_REGISTERED");
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("certificateNumber");
            assertThat(json).extractingPath("$.errors[0].code").isEqualTo("ENTERPRISE_ALREADY_REGISTERED");
            assertThat(json)
                    .extractingPath("$.errors[0].message")
                    .asString()
                    .contains("already registered on the platform");
        });
        assertThat(answer)
                .bodyText()
                .doesNotContain("agentId")
                .doesNotContain("\"id\"")
                .doesNotContain(theirs.name());
    }

    @Test
    void theRegistrationPageShowsACodeAlreadyRegisteredOnItsFieldInChineseAndEnglish() {
        String code = FreshNumbers.uscc();
        new EnterpriseFixtures(enterprises).draft(322, code);
        for (var language : Map.of("zh-CN", "使用该代码的企业已在平台登记", "en", "already registered on the platform")
                .entrySet()) {
            assertThat(mvc.post()
                            .uri("/enterprises")
                            .param("name", "重复登记企业")
                            .param("certificateType", "USCC")
                            .param("certificateNumber", code)
                            .param("certificateAddress", "福州市鼓楼区")
                            .param("legalRepresentative", "张三")
                            .param("responsiblePerson.name", "张三")
                            .param("responsiblePerson.idType", "RESIDENT_ID")
                            .param("responsiblePerson.idNumber", EnterpriseFixtures.ID_NUMBER)
                            .param("responsiblePerson.idAddress", "福州市鼓楼区")
                            .param("responsiblePerson.legalRepresentative", "true")
                            .header("Accept-Language", language.getKey())
                            .with(csrf())
                            .with(ActorAuthentication.as(agent(323))))
                    .hasStatusOk()
                    .bodyText()
                    .containsPattern("id=\"certificateNumber-error\"[^>]*>[^<]*" + language.getValue())
                    .doesNotContain("??");
        }
    }

    @Test
    void aRecordMarkedADuplicateIsListedForOpsAndCannotBeSubmittedUnderTheCode() {
        EnterpriseFixtures fixtures = new EnterpriseFixtures(enterprises);
        EnterpriseView keeper = fixtures.verified(324, FreshNumbers.uscc());
        EnterpriseView duplicate = fixtures.draft(325, FreshNumbers.uscc());
        // As V230 leaves a code registered twice before the platform refused it.
        jdbc.sql("UPDATE enterprise SET certificate_number = ?, duplicate_of = ? WHERE id = ?")
                .params(keeper.certificateNumber(), keeper.id(), duplicate.id())
                .update();
        com.realsim.testsupport.RunAs.run(agent(325), () -> {
            enterprises.attach(duplicate.id(), EnterpriseDocumentKind.CERTIFICATE, TestFiles.jpeg());
            enterprises.attach(duplicate.id(), EnterpriseDocumentKind.RESPONSIBLE_ID_FRONT, TestFiles.jpeg());
            enterprises.attach(duplicate.id(), EnterpriseDocumentKind.RESPONSIBLE_ID_BACK, TestFiles.jpeg());
        });

        assertThat(mvc.post()
                        .uri("/api/v1/enterprises/{id}/submit", duplicate.id())
                        .with(ActorAuthentication.as(agent(325))))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("ENTERPRISE_ALREADY_REGISTERED");
        assertThat(mvc.get()
                        .uri("/enterprises/review")
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"review-duplicates\"")
                .contains(keeper.certificateNumber())
                .contains("/enterprises/" + keeper.id() + "\"")
                .contains("/enterprises/" + duplicate.id() + "\"")
                .contains("agent 325")
                .doesNotContain("??");
    }

    @Test
    void badFieldsAnswerTheirCodesNamingTheField() {
        String badCode = VALID_BODY.replace("91350102tx412dmu73", "91350102TX412DMU74");
        assertThat(mvc.post()
                        .uri("/api/v1/enterprises")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(badCode)
                        .with(ActorAuthentication.as(agent(302))))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.code").isEqualTo("INVALID_USCC");
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("certificateNumber");
                });
        String badId = VALID_BODY.replace("120101200709209190", "120101200709209191");
        var answer = mvc.post()
                .uri("/api/v1/enterprises")
                .contentType(MediaType.APPLICATION_JSON)
                .content(badId)
                .with(ActorAuthentication.as(agent(302)))
                .exchange();
        assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.code").isEqualTo("INVALID_ID_NUMBER");
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("responsiblePerson.idNumber");
        });
        assertThat(answer).bodyText().doesNotContain("120101200709209191");
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
        assertThat(mvc.post()
                        .uri("/api/v1/enterprises")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID_BODY.replace("\"RESIDENT_ID\"", "\"DRIVING_LICENCE\""))
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(agent(311))))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.code").isEqualTo("VALIDATION_FAILED");
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("responsiblePerson.idType");
                    assertThat(json)
                            .extractingPath("$.errors[0].message")
                            .asString()
                            .contains("PASSPORT");
                });
    }

    @Test
    void submittingWithoutDocumentsAnswers422NamingTheKinds() {
        EnterpriseView draft = new EnterpriseFixtures(enterprises).draft(303, EnterpriseFixtures.code(0));
        assertThat(mvc.post()
                        .uri("/api/v1/enterprises/{id}/submit", draft.id())
                        .with(ActorAuthentication.as(agent(303))))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.code").isEqualTo("DOCUMENTS_MISSING");
                    assertThat(json)
                            .extractingPath("$.kinds")
                            .asArray()
                            .containsExactly("CERTIFICATE", "RESPONSIBLE_ID_FRONT", "RESPONSIBLE_ID_BACK");
                });
    }

    @Test
    void uploadsAreCheckedByContent() {
        EnterpriseView draft = new EnterpriseFixtures(enterprises).draft(304, EnterpriseFixtures.code(1));
        assertThat(mvc.post()
                        .uri("/api/v1/enterprises/{id}/documents", draft.id())
                        .multipart()
                        .file(new MockMultipartFile("file", "licence.jpg", "image/jpeg", TestFiles.jpeg()))
                        .param("kind", "CERTIFICATE")
                        .with(ActorAuthentication.as(agent(304))))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.kind")
                .isEqualTo("CERTIFICATE");
        assertThat(mvc.post()
                        .uri("/api/v1/enterprises/{id}/documents", draft.id())
                        .multipart()
                        .file(new MockMultipartFile("file", "licence.jpg", "image/jpeg", "MZ not an image".getBytes()))
                        .param("kind", "CERTIFICATE")
                        .with(ActorAuthentication.as(agent(304))))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(mvc.post()
                        .uri("/api/v1/enterprises/{id}/documents", draft.id())
                        .multipart()
                        .file(new MockMultipartFile("file", "x.jpg", "image/jpeg", TestFiles.jpeg()))
                        .param("kind", "PASSPORT_SCAN")
                        .with(ActorAuthentication.as(agent(304))))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("kind");
    }

    @Test
    void anotherTenantsEnterpriseIsNotFoundInTheApiAndThePages() {
        EnterpriseView theirs = new EnterpriseFixtures(enterprises).verified(305, EnterpriseFixtures.code(2));
        Actor otherAgent = agent(306);
        Actor otherEnterprise = ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, theirs.id() + 1000);
        for (Actor outsider : new Actor[] {otherAgent, otherEnterprise}) {
            assertThat(mvc.get().uri("/api/v1/enterprises/{id}", theirs.id()).with(ActorAuthentication.as(outsider)))
                    .hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("NOT_FOUND");
            assertThat(mvc.get().uri("/enterprises/{id}", theirs.id()).with(ActorAuthentication.as(outsider)))
                    .hasStatus(HttpStatus.NOT_FOUND);
        }
        assertThat(mvc.post()
                        .uri("/api/v1/enterprises/{id}/change-requests", theirs.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"kind\":\"DETAILS\",\"name\":\"x\",\"certificateAddress\":\"y\",\"legalRepresentative\":\"z\",\"reason\":\"r\"}")
                        .with(ActorAuthentication.as(otherAgent)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/enterprises/{id}/submit", theirs.id())
                        .with(csrf())
                        .with(ActorAuthentication.as(otherAgent)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void theEnterprisesOwnAdminSeesItButNotOthers() {
        EnterpriseView theirs = new EnterpriseFixtures(enterprises).verified(307, EnterpriseFixtures.code(3));
        Actor admin = ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, theirs.id());
        assertThat(mvc.get().uri("/api/v1/enterprises/{id}", theirs.id()).with(ActorAuthentication.as(admin)))
                .hasStatusOk();
        assertThat(mvc.get().uri("/enterprises").with(ActorAuthentication.as(admin)))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/enterprises/" + theirs.id());
        assertThat(mvc.get().uri("/enterprises/{id}", theirs.id()).with(ActorAuthentication.as(admin)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("id=\"submit-enterprise\"")
                .doesNotContain("id=\"approve\"");
    }

    @Test
    void theEnterprisesOwnAdminSeesEveryRequiredDocumentOnFileAsTheAgentDoesWithoutOpeningTheIdPhotos() {
        EnterpriseView theirs = new EnterpriseFixtures(enterprises).verified(319, EnterpriseFixtures.code(4));
        Actor admin = ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, theirs.id());
        for (Actor reader : new Actor[] {admin, agent(319)}) {
            assertThat(mvc.get()
                            .uri("/enterprises/{id}?lang=zh-CN", theirs.id())
                            .with(ActorAuthentication.as(reader)))
                    .hasStatusOk()
                    .bodyText()
                    .as("%s sees every required document on file", reader.role())
                    .contains("data-kind=\"CERTIFICATE\" data-present=\"true\"")
                    .contains("data-kind=\"RESPONSIBLE_ID_FRONT\" data-present=\"true\"")
                    .contains("data-kind=\"RESPONSIBLE_ID_BACK\" data-present=\"true\"")
                    .doesNotContain("data-present=\"false\"");
        }
        assertThat(mvc.get().uri("/enterprises/{id}?lang=zh-CN", theirs.id()).with(ActorAuthentication.as(admin)))
                .bodyText()
                .as("the enterprise admin may not open the responsible person's ID photos, and is told so")
                .contains("仅代理商和运营人员可查看")
                .doesNotContain("alt=\"责任人证件正面\"");
    }

    @Test
    void aResponsiblePersonChangesPickerOffersTheNextMissingDocumentAfterEachUpload() {
        EnterpriseView verified = new EnterpriseFixtures(enterprises).verified(337, EnterpriseFixtures.code(5));
        Actor agent = agent(337);
        EnterpriseInput.PersonInput authorised = new EnterpriseInput.PersonInput(
                "李四",
                com.realsim.identity.IdType.RESIDENT_ID,
                EnterpriseFixtures.OTHER_ID_NUMBER,
                "湖北省武汉市",
                false,
                java.time.LocalDate.now().minusDays(1),
                java.time.LocalDate.now().plusYears(1));
        long changeId = com.realsim.testsupport.RunAs.run(
                        agent, () -> enterprises.requestResponsiblePersonChange(verified.id(), authorised, "责任人调岗"))
                .id();
        for (String kind : new String[] {"RESPONSIBLE_ID_FRONT", "RESPONSIBLE_ID_BACK", "RESPONSIBLE_AUTHORIZATION"}) {
            assertThat(chosenKind(changeId, agent))
                    .as("before uploading " + kind)
                    .isEqualTo(kind);
            assertThat(mvc.post()
                            .uri("/enterprise-changes/{id}/documents", changeId)
                            .multipart()
                            .file(new MockMultipartFile("file", "doc.jpg", "image/jpeg", TestFiles.jpeg()))
                            .param("kind", kind)
                            .with(csrf())
                            .with(ActorAuthentication.as(agent)))
                    .hasStatus(HttpStatus.FOUND);
        }
        assertThat(chosenKind(changeId, agent))
                .as("all on file: the picker starts at the first kind again (a replacement)")
                .isEqualTo("RESPONSIBLE_ID_FRONT");
    }

    /** The kind the change page's upload picker has selected, by the selected attribute the server renders. */
    String chosenKind(long changeId, Actor agent) {
        byte[] html = mvc.get()
                .uri("/enterprise-changes/{id}", changeId)
                .with(ActorAuthentication.as(agent))
                .exchange()
                .getResponse()
                .getContentAsByteArray();
        var selected = org.jsoup.Jsoup.parse(new String(html, java.nio.charset.StandardCharsets.UTF_8))
                .select("#change-upload-form select#kind option[selected]");
        return selected.isEmpty() ? "RESPONSIBLE_ID_FRONT" : selected.get(0).val();
    }

    @Test
    void rolesThatMayNotDecideOrRegisterAreRefused() {
        EnterpriseView draft = new EnterpriseFixtures(enterprises).draft(308, EnterpriseFixtures.code(0));
        assertThat(mvc.post()
                        .uri("/api/v1/enterprises/{id}/approve", draft.id())
                        .with(ActorAuthentication.as(agent(308))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/enterprises")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID_BODY)
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/enterprises").with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/enterprises/review").with(ActorAuthentication.as(agent(308))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/enterprises/new").with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theRegistrationFormShowsErrorsNextToTheFieldsInChinese() {
        assertThat(mvc.post()
                        .uri("/enterprises")
                        .param("name", "测试")
                        .param("certificateType", "USCC")
                        .param("certificateNumber", "12345")
                        .param("certificateAddress", "地址")
                        .param("legalRepresentative", "张三")
                        .param("responsiblePerson.name", "张三")
                        .param("responsiblePerson.idType", "RESIDENT_ID")
                        .param("responsiblePerson.idNumber", "110101")
                        .param("responsiblePerson.idAddress", "地址")
                        .param("responsiblePerson.legalRepresentative", "true")
                        .header("Accept-Language", "zh-CN")
                        .with(csrf())
                        .with(ActorAuthentication.as(agent(309))))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"certificateNumber-error\"")
                .contains("id=\"responsiblePerson.idNumber\"")
                .contains("is-invalid")
                .contains("统一社会信用代码");
    }

    @Test
    void opsSeeTheQueueAndApproveInThePage() {
        EnterpriseFixtures fixtures = new EnterpriseFixtures(enterprises);
        EnterpriseView draft = fixtures.draft(310, EnterpriseFixtures.code(1));
        com.realsim.testsupport.RunAs.run(agent(310), () -> {
            enterprises.attach(draft.id(), EnterpriseDocumentKind.CERTIFICATE, TestFiles.jpeg());
            enterprises.attach(draft.id(), EnterpriseDocumentKind.RESPONSIBLE_ID_FRONT, TestFiles.jpeg());
            enterprises.attach(draft.id(), EnterpriseDocumentKind.RESPONSIBLE_ID_BACK, TestFiles.jpeg());
            enterprises.submit(draft.id());
        });
        assertThat(mvc.get().uri("/enterprises/review").with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .bodyText()
                .contains(draft.name());
        assertThat(mvc.get().uri("/enterprises/{id}", draft.id()).with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"approve\"")
                .contains("/documents/");
        assertThat(mvc.post()
                        .uri("/enterprises/{id}/approve", draft.id())
                        .with(csrf())
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(enterprises.standing(draft.id()).orElseThrow().verified()).isTrue();
    }

    @Test
    void aRejectionIsRefusedOnThePageForWhatItIsNotAlwaysForWantOfAReason() {
        EnterpriseView verified = new EnterpriseFixtures(enterprises).verified(311, EnterpriseFixtures.code(2));
        assertThat(mvc.post()
                        .uri("/enterprises/{id}/reject", verified.id())
                        .param("reason", "")
                        .with(csrf())
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashError", "enterprise.reasonRequired");
        var decided = mvc.post()
                .uri("/enterprises/{id}/reject", verified.id())
                .param("reason", "The certificate has expired")
                .with(csrf())
                .with(ActorAuthentication.as(Role.OPS))
                .exchange();
        assertThat(decided).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/enterprises/" + verified.id());
        assertThat(decided).flash().containsEntry("flashError", "enterprise.illegalTransition");
    }
}
