package com.realsim.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.realsim.approval.CardEligibility.Allowed;
import com.realsim.card.CardFixtures;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The exception pages and API for each role, on real cards of the card module: who may, who may not, other tenants'
 * ids, problem codes, languages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ExceptionWebTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ExceptionService exceptions;

    @Autowired
    ApplicationContext context;

    CardFixtures cards;
    final long agentOrg = CardFixtures.newAgent();
    long enterprise;
    final Actor agent = CardFixtures.agent(agentOrg);
    final Actor otherAgent = CardFixtures.agent(CardFixtures.newAgent());
    final Actor ops = ActorAuthentication.actor(Role.OPS, null, null);
    Actor enterpriseAdmin;
    Actor otherEnterpriseAdmin;
    final Actor admin = ActorAuthentication.actor(Role.ADMIN, null, null);

    @BeforeEach
    void agentWithAVerifiedEnterprise() {
        cards = new CardFixtures(context);
        enterprise = cards.verifiedEnterprise(agentOrg);
        enterpriseAdmin = CardFixtures.enterpriseAdmin(enterprise);
        otherEnterpriseAdmin = CardFixtures.enterpriseAdmin(enterprise + 1_000_000);
    }

    static String body(String kind, String reason) {
        return "{\"kind\":\"" + kind + "\",\"reason\":\"" + reason + "\"}";
    }

    /** A card of the agent's enterprise with non-directional data: a provincial approval may waive its end user. */
    String provincialCard() {
        return cards.cardAllowing(Allowed.PROVINCIAL_APPROVAL, agentOrg, enterprise);
    }

    /** A card of another agent's verified enterprise. */
    String anotherAgentsCard() {
        long otherAgent = CardFixtures.newAgent();
        return cards.cardAllowing(Allowed.PROVINCIAL_APPROVAL, otherAgent, cards.verifiedEnterprise(otherAgent));
    }

    ExceptionView requested(String card) {
        return RunAs.run(
                agent, () -> exceptions.request(card, ExceptionKind.PROVINCIAL_APPROVAL, "Meters in substations"));
    }

    ExceptionView documented(String card) {
        ExceptionView request = requested(card);
        RunAs.run(agent, () -> exceptions.attachDocument(request.id(), TestFiles.jpeg()));
        return request;
    }

    // ---- Partner API ----

    @Test
    void anAgentRequestsAnExceptionThroughTheApi() {
        String card = provincialCard();
        var answer = mvc.post()
                .uri("/api/v1/cards/{iccid}/exceptions", card)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("PROVINCIAL_APPROVAL", "Smart meters in remote substations"))
                .with(ActorAuthentication.as(agent))
                .exchange();
        assertThat(answer).hasStatus(HttpStatus.CREATED);
        assertThat(answer).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
        assertThat(answer).bodyJson().extractingPath("$.kind").isEqualTo("PROVINCIAL_APPROVAL");
        assertThat(answer).bodyJson().extractingPath("$.iccid").isEqualTo(card);
        assertThat(answer).bodyJson().extractingPath("$.requirement").isEqualTo("NON_DIRECTIONAL_DATA");
        assertThat(answer.getResponse().getHeader("Location")).startsWith("/api/v1/exceptions/");
    }

    @Test
    void the149NonDirectionalCardAnswers422NamingWhy() {
        String card = cards.cardAllowing(Allowed.NOT_ALLOWED, agentOrg, enterprise);
        for (String kind : List.of("PROVINCIAL_APPROVAL", "GROUP_APPROVAL")) {
            assertThat(mvc.post()
                            .uri("/api/v1/cards/{iccid}/exceptions", card)
                            .contentType(MediaType.APPLICATION_JSON)
                            .header("Accept-Language", "en")
                            .content(body(kind, "please"))
                            .with(ActorAuthentication.as(agent)))
                    .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                    .bodyJson()
                    .satisfies(json -> {
                        assertThat(json).extractingPath("$.code").isEqualTo("EXCEPTION_NOT_ALLOWED");
                        assertThat(json)
                                .extractingPath("$.detail")
                                .asString()
                                .contains("149 numbers with non-directional voice or SMS cannot be exempted");
                        assertThat(json).extractingPath("$.allowed").isEqualTo("NOT_ALLOWED");
                        assertThat(json)
                                .extractingPath("$.requirement")
                                .isEqualTo("SEGMENT_149_NON_DIRECTIONAL_VOICE_SMS");
                    });
        }
    }

    @Test
    void aCardThatNeedsNoExceptionAndAWrongKindAnswer422() {
        String notNeeded = cards.enterpriseCard(agentOrg, enterprise, "138", cards.testPackagePlan());
        assertThat(mvc.post()
                        .uri("/api/v1/cards/{iccid}/exceptions", notNeeded)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content(body("PROVINCIAL_APPROVAL", "please"))
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.code").isEqualTo("EXCEPTION_NOT_ALLOWED");
                    assertThat(json).extractingPath("$.detail").asString().contains("needs no exception");
                });
        assertThat(mvc.post()
                        .uri("/api/v1/cards/{iccid}/exceptions", provincialCard())
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content(body("GROUP_APPROVAL", "please"))
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.code").isEqualTo("EXCEPTION_NOT_ALLOWED");
                    assertThat(json).extractingPath("$.possibleKinds[0]").isEqualTo("PROVINCIAL_APPROVAL");
                });
    }

    @Test
    void badRequestBodiesAnswer400NamingTheField() {
        String card = provincialCard();
        assertThat(mvc.post()
                        .uri("/api/v1/cards/{iccid}/exceptions", card)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"PROVINCIAL_APPROVAL\"}")
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.code").isEqualTo("VALIDATION_FAILED");
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("reason");
                });
        assertThat(mvc.post()
                        .uri("/api/v1/cards/{iccid}/exceptions", card)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("NATIONAL_APPROVAL", "please"))
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void anotherTenantsOrAnUnknownCardIsNotFound() {
        String theirs = anotherAgentsCard();
        for (String iccid : List.of(theirs, "89860000000000000000")) {
            assertThat(mvc.post()
                            .uri("/api/v1/cards/{iccid}/exceptions", iccid)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body("PROVINCIAL_APPROVAL", "please"))
                            .with(ActorAuthentication.as(agent)))
                    .hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void onlyAgentsRequestAnExceptionThroughTheApi() {
        String card = provincialCard();
        for (Actor refused : List.of(ops, enterpriseAdmin, admin)) {
            assertThat(mvc.post()
                            .uri("/api/v1/cards/{iccid}/exceptions", card)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body("PROVINCIAL_APPROVAL", "please"))
                            .with(ActorAuthentication.as(refused)))
                    .hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void theAgentUploadsTheSignedDocumentCheckedByContent() {
        ExceptionView request = requested(provincialCard());
        assertThat(mvc.post()
                        .uri("/api/v1/exceptions/{id}/documents", request.id())
                        .multipart()
                        .file(new MockMultipartFile("file", "approval.pdf", "application/pdf", TestFiles.pdf()))
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.kind").isEqualTo("APPROVAL_DOCUMENT");
                    assertThat(json).extractingPath("$.contentType").isEqualTo("application/pdf");
                });
        assertThat(mvc.post()
                        .uri("/api/v1/exceptions/{id}/documents", request.id())
                        .multipart()
                        .file(new MockMultipartFile("file", "approval.jpg", "image/jpeg", TestFiles.jpeg()))
                        .param("kind", "APPROVAL_DOCUMENT")
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.CREATED);
        assertThat(mvc.post()
                        .uri("/api/v1/exceptions/{id}/documents", request.id())
                        .multipart()
                        .file(new MockMultipartFile("file", "approval.jpg", "image/jpeg", "MZ program".getBytes()))
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(mvc.post()
                        .uri("/api/v1/exceptions/{id}/documents", request.id())
                        .multipart()
                        .file(new MockMultipartFile("file", "x.jpg", "image/jpeg", TestFiles.jpeg()))
                        .param("kind", "CERTIFICATE")
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("kind");
        assertThat(mvc.post()
                        .uri("/api/v1/exceptions/{id}/documents", request.id())
                        .multipart()
                        .file(new MockMultipartFile("file", "x.jpg", "image/jpeg", TestFiles.jpeg()))
                        .with(ActorAuthentication.as(otherAgent)))
                .hasStatus(HttpStatus.NOT_FOUND);
        for (Actor refused : List.of(ops, enterpriseAdmin, admin)) {
            assertThat(mvc.post()
                            .uri("/api/v1/exceptions/{id}/documents", request.id())
                            .multipart()
                            .file(new MockMultipartFile("file", "x.jpg", "image/jpeg", TestFiles.jpeg()))
                            .with(ActorAuthentication.as(refused)))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        var file = RunAs.run(agent, () -> exceptions.file(request.id()));
        assertThat(file.documents()).hasSize(2);
    }

    @Test
    void opsApproveAndRejectThroughTheApi() {
        ExceptionView toApprove = documented(provincialCard());
        assertThat(mvc.post()
                        .uri("/api/v1/exceptions/{id}/approve", toApprove.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Signed by the deputy GM\"}")
                        .with(ActorAuthentication.as(ops)))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("APPROVED");
                    assertThat(json).extractingPath("$.decidedBy").isEqualTo(ops.name());
                    assertThat(json).extractingPath("$.documents[0].kind").isEqualTo("APPROVAL_DOCUMENT");
                });
        assertThat(mvc.post()
                        .uri("/api/v1/exceptions/{id}/approve", toApprove.id())
                        .with(ActorAuthentication.as(ops)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("ILLEGAL_STATE_TRANSITION");

        ExceptionView toReject = requested(provincialCard());
        assertThat(mvc.post()
                        .uri("/api/v1/exceptions/{id}/reject", toReject.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .with(ActorAuthentication.as(ops)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("reason");
        assertThat(mvc.post()
                        .uri("/api/v1/exceptions/{id}/reject", toReject.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"No signed approval\"}")
                        .with(ActorAuthentication.as(ops)))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("REJECTED");
                    assertThat(json).extractingPath("$.decisionReason").isEqualTo("No signed approval");
                });
    }

    @Test
    void approvalWithoutTheDocumentAnswers422AndSelfApproval403() {
        ExceptionView request = requested(provincialCard());
        assertThat(mvc.post()
                        .uri("/api/v1/exceptions/{id}/approve", request.id())
                        .with(ActorAuthentication.as(ops)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.code").isEqualTo("DOCUMENTS_MISSING");
                    assertThat(json).extractingPath("$.kinds[0]").isEqualTo("APPROVAL_DOCUMENT");
                });
        Actor sameAccountAsOps = new Actor(Actor.Kind.USER, agent.id(), agent.name(), Role.OPS, null, null);
        for (String decision : List.of("approve", "reject")) {
            assertThat(mvc.post()
                            .uri("/api/v1/exceptions/{id}/" + decision, request.id())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\":\"looks fine\"}")
                            .with(ActorAuthentication.as(sameAccountAsOps)))
                    .hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("SELF_APPROVAL");
        }
    }

    @Test
    void onlyOpsDecideOrClaimThroughTheApi() {
        ExceptionView request = documented(provincialCard());
        for (String action : List.of("approve", "reject", "claim", "release")) {
            for (Actor refused : List.of(agent, enterpriseAdmin, admin)) {
                assertThat(mvc.post()
                                .uri("/api/v1/exceptions/{id}/" + action, request.id())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"reason\":\"because\"}")
                                .with(ActorAuthentication.as(refused)))
                        .as(action + " as " + refused.role())
                        .hasStatus(HttpStatus.FORBIDDEN);
            }
        }
        assertThat(mvc.post().uri("/api/v1/exceptions/{id}/claim", request.id()).with(ActorAuthentication.as(ops)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.assignedTo")
                .isEqualTo(ops.name());
        Actor colleague = ActorAuthentication.actor(Role.OPS, null, null);
        assertThat(mvc.post()
                        .uri("/api/v1/exceptions/{id}/claim", request.id())
                        .with(ActorAuthentication.as(colleague)))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.post()
                        .uri("/api/v1/exceptions/{id}/release", request.id())
                        .with(ActorAuthentication.as(ops)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.assignedTo")
                .isNull();
        assertThat(mvc.post()
                        .uri("/api/v1/exceptions/{id}/approve", Long.MAX_VALUE)
                        .with(ActorAuthentication.as(ops)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void everyRoleReadsTheRequestsOfItsTenantOnly() {
        ExceptionView request = documented(provincialCard());
        for (Actor reader : List.of(agent, ops, enterpriseAdmin)) {
            assertThat(mvc.get().uri("/api/v1/exceptions/{id}", request.id()).with(ActorAuthentication.as(reader)))
                    .as("read by " + reader.role())
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.id")
                    .isEqualTo((int) request.id());
        }
        assertThat(mvc.get().uri("/api/v1/exceptions/{id}", request.id()).with(ActorAuthentication.as(agent)))
                .bodyJson()
                .extractingPath("$.documents[0].kind")
                .isEqualTo("APPROVAL_DOCUMENT");
        assertThat(mvc.get().uri("/api/v1/exceptions/{id}", request.id()).with(ActorAuthentication.as(enterpriseAdmin)))
                .bodyJson()
                .extractingPath("$.documents")
                .asArray()
                .isEmpty();
        for (Actor outsider : List.of(otherAgent, otherEnterpriseAdmin)) {
            assertThat(mvc.get().uri("/api/v1/exceptions/{id}", request.id()).with(ActorAuthentication.as(outsider)))
                    .hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("NOT_FOUND");
        }
        assertThat(mvc.get().uri("/api/v1/exceptions/{id}", request.id()).with(ActorAuthentication.as(admin)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/exceptions").with(ActorAuthentication.as(admin)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theListIsPagedFilteredAndScoped() throws Exception {
        ExceptionView first = requested(provincialCard());
        ExceptionView second = requested(provincialCard());
        ExceptionView third = requested(provincialCard());
        RunAs.run(ops, () -> exceptions.reject(first.id(), "not signed"));
        var page = mvc.get()
                .uri("/api/v1/exceptions?status=PENDING&kind=PROVINCIAL_APPROVAL&size=1")
                .with(ActorAuthentication.as(agent))
                .exchange();
        assertThat(page).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.items[0].id").isEqualTo((int) third.id());
            assertThat(json).doesNotHavePath("$.items[0].documents");
            assertThat(json).hasPath("$.items[0].assignedTo");
            assertThat(json).extractingPath("$.items").asArray().hasSize(1);
            assertThat(json).extractingPath("$.nextCursor").isNotNull();
        });
        String cursor = com.jayway.jsonpath.JsonPath.read(page.getResponse().getContentAsString(), "$.nextCursor");
        assertThat(mvc.get()
                        .uri("/api/v1/exceptions?status=PENDING&size=5&cursor=" + cursor)
                        .with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.items[0].id").isEqualTo((int) second.id());
                    assertThat(json).extractingPath("$.items").asArray().hasSize(1);
                    assertThat(json).extractingPath("$.nextCursor").isNull();
                });
        assertThat(mvc.get().uri("/api/v1/exceptions?size=5").with(ActorAuthentication.as(otherAgent)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items")
                .asArray()
                .isEmpty();
        assertThat(mvc.get().uri("/api/v1/exceptions?size=0").with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("size");
        assertThat(mvc.get().uri("/api/v1/exceptions?status=WAITING").with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    // ---- Pages ----

    @Test
    void theAgentsRequestFormShowsTheRequirementAndOnlyTheAllowedKind() {
        String card = cards.cardAllowing(Allowed.GROUP_APPROVAL, agentOrg, enterprise);
        assertThat(mvc.get().uri("/exceptions/new?iccid={iccid}&lang=en", card).with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains(card)
                .contains("149 number with directional voice or SMS")
                .contains("<option value=\"GROUP_APPROVAL\"")
                .doesNotContain("<option value=\"PROVINCIAL_APPROVAL\"")
                .contains("id=\"request-form\"");
        assertThat(mvc.get()
                        .uri("/exceptions/new?iccid={iccid}&lang=zh-CN", card)
                        .with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains("集团审批")
                .contains("149 号段定向语音或短信");
    }

    @Test
    void theFormForACardWithoutAPossibleExceptionSaysWhyAndOffersNoRequest() {
        String card = cards.cardAllowing(Allowed.NOT_ALLOWED, agentOrg, enterprise);
        assertThat(mvc.get().uri("/exceptions/new?iccid={iccid}&lang=en", card).with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"no-exception\"")
                .contains("149 numbers with non-directional voice or SMS cannot be exempted")
                .doesNotContain("id=\"request-form\"");
        assertThat(mvc.get().uri("/exceptions/new?lang=en").with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"find-card\"");
        assertThat(mvc.get()
                        .uri("/exceptions/new?iccid={iccid}", anotherAgentsCard())
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.NOT_FOUND);
        for (Actor refused : List.of(ops, enterpriseAdmin, admin)) {
            assertThat(mvc.get().uri("/exceptions/new?iccid={iccid}", card).with(ActorAuthentication.as(refused)))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void theAgentRequestsInThePageAndLandsOnTheRequestWithTheUploadField() {
        String card = provincialCard();
        var created = mvc.post()
                .uri("/exceptions")
                .param("iccid", card)
                .param("kind", "PROVINCIAL_APPROVAL")
                .param("reason", "Water meters in the mountains")
                .with(csrf())
                .with(ActorAuthentication.as(agent))
                .exchange();
        assertThat(created).hasStatus(HttpStatus.FOUND);
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/exceptions/\\d+");
        assertThat(mvc.get().uri(location + "?lang=en").with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains("Water meters in the mountains")
                .contains("id=\"upload-form\"")
                .contains("capture=\"environment\"")
                .contains("accept=\"image/jpeg,image/png,application/pdf\"")
                .contains("Not attached yet")
                .doesNotContain("id=\"decision\"");
        assertThat(mvc.post()
                        .uri(location + "/documents")
                        .multipart()
                        .file(new MockMultipartFile("file", "letter.png", "image/png", TestFiles.png()))
                        .with(csrf())
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo(location + "#documents");
        assertThat(mvc.get().uri(location).with(ActorAuthentication.as(agent)))
                .bodyText()
                .contains("src=\"/documents/");
    }

    @Test
    void theFormShowsRefusalsNextToItsFieldsAndTheRulesAbove() {
        String card = provincialCard();
        assertThat(mvc.post()
                        .uri("/exceptions?lang=en")
                        .param("iccid", card)
                        .param("kind", "PROVINCIAL_APPROVAL")
                        .param("reason", "")
                        .with(csrf())
                        .with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"reason-error\"")
                .contains("is-invalid");
        requested(card);
        assertThat(mvc.post()
                        .uri("/exceptions?lang=en")
                        .param("iccid", card)
                        .param("kind", "PROVINCIAL_APPROVAL")
                        .param("reason", "again")
                        .with(csrf())
                        .with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains("A request for this card is already pending");
        for (Actor refused : List.of(ops, enterpriseAdmin)) {
            assertThat(mvc.post()
                            .uri("/exceptions")
                            .param("iccid", card)
                            .param("kind", "PROVINCIAL_APPROVAL")
                            .param("reason", "again")
                            .with(csrf())
                            .with(ActorAuthentication.as(refused)))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void opsSeeTheQueueWithCountsInBothLanguages() {
        ExceptionView request = documented(provincialCard());
        assertThat(mvc.get().uri("/exceptions?lang=en").with(ActorAuthentication.as(ops)))
                .hasStatusOk()
                .bodyText()
                .contains("Exception requests to decide")
                .contains("id=\"queue-counts\"")
                .contains("Oldest pending waits")
                .contains("data-id=\"" + request.id() + "\"")
                .contains(request.iccid())
                .contains("/exceptions/" + request.id() + "/claim");
        assertThat(mvc.get().uri("/exceptions?lang=zh-CN").with(ActorAuthentication.as(ops)))
                .hasStatusOk()
                .bodyText()
                .contains("待审批的例外申请")
                .contains("最早待审已等待")
                .contains("认领");
        assertThat(mvc.get()
                        .uri("/exceptions?status=APPROVED&kind=GROUP_APPROVAL&assignee=ME")
                        .with(ActorAuthentication.as(ops)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("data-id=\"" + request.id() + "\"");
        assertThat(mvc.get().uri("/?lang=en").with(ActorAuthentication.as(ops)))
                .hasStatusOk()
                .bodyText()
                .contains("Exception requests to decide")
                .contains("href=\"/exceptions\"");
    }

    @Test
    void opsClaimAndApproveInThePages() {
        ExceptionView request = documented(provincialCard());
        assertThat(mvc.get().uri("/exceptions/{id}?lang=en", request.id()).with(ActorAuthentication.as(ops)))
                .hasStatusOk()
                .bodyText()
                .contains(request.iccid())
                .contains("Provincial approval")
                .contains("Meters in substations")
                .contains(agent.name())
                .contains("src=\"/documents/")
                .contains("id=\"approve\"")
                .contains("id=\"reject-reason\"")
                .doesNotContain("id=\"upload-form\"");
        assertThat(mvc.post()
                        .uri("/exceptions/{id}/claim", request.id())
                        .param("back", "queue")
                        .with(csrf())
                        .with(ActorAuthentication.as(ops)))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/exceptions");
        assertThat(mvc.post()
                        .uri("/exceptions/{id}/approve", request.id())
                        .param("reason", "")
                        .with(csrf())
                        .with(ActorAuthentication.as(ops)))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/exceptions");
        assertThat(RunAs.run(ops, () -> exceptions.get(request.id())).status()).isEqualTo(ExceptionStatus.APPROVED);
        assertThat(mvc.get().uri("/exceptions/{id}?lang=en", request.id()).with(ActorAuthentication.as(agent)))
                .bodyText()
                .contains("id=\"approval-note\"")
                .doesNotContain("id=\"upload-form\"");
    }

    @Test
    void thePagesShowRefusalsToOpsAndHideDecisionsFromTheRequester() {
        ExceptionView undocumented = requested(provincialCard());
        var refused = mvc.post()
                .uri("/exceptions/{id}/approve", undocumented.id())
                .with(csrf())
                .with(ActorAuthentication.as(ops))
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/exceptions/" + undocumented.id());
        assertThat(refused).flash().containsEntry("flashError", "approval.documentMissing");
        assertThat(mvc.post()
                        .uri("/exceptions/{id}/reject", undocumented.id())
                        .param("reason", "")
                        .with(csrf())
                        .with(ActorAuthentication.as(ops)))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashError", "approval.reasonRequired");
        Actor sameAccountAsOps = new Actor(Actor.Kind.USER, agent.id(), agent.name(), Role.OPS, null, null);
        assertThat(mvc.get()
                        .uri("/exceptions/{id}?lang=en", undocumented.id())
                        .with(ActorAuthentication.as(sameAccountAsOps)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"own-request\"")
                .doesNotContain("id=\"approve\"");
        assertThat(mvc.post()
                        .uri("/exceptions/{id}/reject", undocumented.id())
                        .param("reason", "not signed")
                        .with(csrf())
                        .with(ActorAuthentication.as(sameAccountAsOps)))
                .flash()
                .containsEntry("flashError", "approval.selfApproval");
    }

    @Test
    void pageActionsAreRefusedToOtherRolesAndOtherTenants() {
        ExceptionView request = requested(provincialCard());
        for (String action : List.of("approve", "reject", "claim", "release")) {
            assertThat(mvc.post()
                            .uri("/exceptions/{id}/" + action, request.id())
                            .param("reason", "because")
                            .with(csrf())
                            .with(ActorAuthentication.as(agent)))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.post()
                        .uri("/exceptions/{id}/documents", request.id())
                        .multipart()
                        .file(new MockMultipartFile("file", "x.png", "image/png", TestFiles.png()))
                        .with(csrf())
                        .with(ActorAuthentication.as(otherAgent)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/exceptions/{id}/documents", request.id())
                        .multipart()
                        .file(new MockMultipartFile("file", "x.png", "image/png", TestFiles.png()))
                        .with(csrf())
                        .with(ActorAuthentication.as(ops)))
                .hasStatus(HttpStatus.FORBIDDEN);
        for (Actor outsider : List.of(otherAgent, otherEnterpriseAdmin)) {
            assertThat(mvc.get().uri("/exceptions/{id}", request.id()).with(ActorAuthentication.as(outsider)))
                    .hasStatus(HttpStatus.NOT_FOUND);
        }
        assertThat(mvc.get().uri("/exceptions").with(ActorAuthentication.as(admin)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/exceptions/{id}", request.id()).with(ActorAuthentication.as(admin)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void agentsAndEnterpriseAdminsSeeTheirListsInBothLanguages() {
        ExceptionView request = requested(provincialCard());
        assertThat(mvc.get().uri("/exceptions?lang=en").with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains("Exception requests")
                .contains("Request an exception")
                .contains("data-id=\"" + request.id() + "\"");
        assertThat(mvc.get().uri("/exceptions?lang=zh-CN").with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains("例外申请")
                .contains("待审批");
        assertThat(mvc.get().uri("/exceptions?lang=en").with(ActorAuthentication.as(enterpriseAdmin)))
                .hasStatusOk()
                .bodyText()
                .contains("data-id=\"" + request.id() + "\"")
                .doesNotContain("id=\"new-request\"");
        assertThat(mvc.get().uri("/exceptions").with(ActorAuthentication.as(otherEnterpriseAdmin)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("data-id=\"" + request.id() + "\"");
        assertThat(mvc.get()
                        .uri("/exceptions/{id}?lang=en", request.id())
                        .with(ActorAuthentication.as(enterpriseAdmin)))
                .hasStatusOk()
                .bodyText()
                .contains(request.iccid())
                .doesNotContain("id=\"documents\"")
                .doesNotContain("id=\"decision\"");
        assertThat(mvc.get().uri("/?lang=en").with(ActorAuthentication.as(agent)))
                .bodyText()
                .contains("Your exception requests waiting for a decision");
    }
}
