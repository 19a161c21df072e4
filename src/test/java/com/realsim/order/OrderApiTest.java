package com.realsim.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.enterprise.EnterpriseView;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The Partner API of orders for every role: who may, who may not, other tenants' ids, and the answers' shape. */
@SpringBootTest
@AutoConfigureMockMvc
class OrderApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    OrderFixtures fixtures;
    long agentId;
    Actor agent;
    EnterpriseView enterprise;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(context);
        agentId = OrderFixtures.newAgentId();
        agent = OrderFixtures.agent(agentId);
        enterprise = fixtures.verifiedEnterprise(agentId);
    }

    static String body(String type, long enterpriseId, List<String> iccids, String extra) {
        return """
                {"type": "%s", "enterpriseId": %d, "iccids": [%s],
                 "handler": {"name": "李四", "idType": "RESIDENT_ID", "idNumber": "420106199810051639",
                             "idAddress": "湖北省武汉市江岸区解放大道 1 号", "authorizationValidTo": "2099-12-31"}%s}""".formatted(
                type,
                enterpriseId,
                String.join(",", iccids.stream().map(i -> "\"" + i + "\"").toList()),
                extra);
    }

    static final String DEVICE =
            ", \"device\": {\"type\": \"智能水表\", \"model\": \"WM-200\", \"industryScenario\": \"智慧水务\","
                    + " \"expectedMonthlyTrafficMb\": 30}";

    MvcTestResult create(Actor actor, String body) {
        return mvc.post()
                .uri("/api/v1/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(ActorAuthentication.as(actor))
                .exchange();
    }

    long newInstall() {
        List<String> iccids = fixtures.inventory(2, fixtures.dataOnlyPlan());
        return fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids))
                .id();
    }

    @Test
    void anAgentCreatesANewInstallationAndReadsItMasked() {
        List<String> iccids = fixtures.inventory(2, fixtures.dataOnlyPlan());
        MvcTestResult answer = create(agent, body("NEW_INSTALL", enterprise.id(), iccids, DEVICE));
        assertThat(answer).hasStatus(HttpStatus.CREATED);
        assertThat(answer).bodyJson().extractingPath("$.status").isEqualTo("AWAITING_VERIFICATION");
        assertThat(answer).bodyJson().extractingPath("$.type").isEqualTo("NEW_INSTALL");
        assertThat(answer).bodyJson().extractingPath("$.handler.idNumber").isEqualTo("420106********1639");
        assertThat(answer).bodyJson().extractingPath("$.handler.name").isEqualTo("李*");
        assertThat(answer).bodyJson().extractingPath("$.cards[0].iccid").isEqualTo(iccids.get(0));
        assertThat(answer).bodyJson().extractingPath("$.cards[0].state").isEqualTo("INVENTORY");
        assertThat(answer).bodyJson().extractingPath("$.pending").asArray().contains("HANDLER_PHOTO", "VERIFICATION");
        assertThat(answer).bodyText().doesNotContain("420106199810051639").doesNotContain("李四");
        assertThat(answer.getResponse().getHeader("Location")).startsWith("/api/v1/orders/");
    }

    @Test
    void aRepeatWithTheSameIdempotencyKeyAnswersTheFirstOrderAndCreatesNoSecond() throws Exception {
        List<String> iccids = fixtures.inventory(1, fixtures.dataOnlyPlan());
        String body = body("NEW_INSTALL", enterprise.id(), iccids, DEVICE);
        MvcTestResult first = mvc.post()
                .uri("/api/v1/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "order-" + iccids.get(0))
                .content(body)
                .with(ActorAuthentication.as(agent))
                .exchange();
        MvcTestResult repeat = mvc.post()
                .uri("/api/v1/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "order-" + iccids.get(0))
                .content(body)
                .with(ActorAuthentication.as(agent))
                .exchange();
        assertThat(first).hasStatus(HttpStatus.CREATED);
        assertThat(repeat).hasStatus(HttpStatus.CREATED);
        assertThat(repeat.getResponse().getContentAsString())
                .isEqualTo(first.getResponse().getContentAsString());
        assertThat(mvc.get()
                        .uri("/api/v1/orders?enterpriseId={e}", enterprise.id())
                        .with(ActorAuthentication.as(agent)))
                .bodyJson()
                .extractingPath("$.items")
                .asArray()
                .hasSize(1);
    }

    @Test
    void refusalsAnswerTheContractsCodes() {
        List<String> iccids = fixtures.inventory(2, fixtures.dataOnlyPlan());
        EnterpriseView draft = fixtures.draftEnterprise(agentId);
        assertThat(create(agent, body("NEW_INSTALL", draft.id(), iccids, DEVICE)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.code").isEqualTo("REAL_NAME_INCOMPLETE");
                    assertThat(json).extractingPath("$.missing").asArray().containsExactly("ENTERPRISE_NOT_VERIFIED");
                });
        assertThat(create(
                        agent,
                        body("NEW_INSTALL", enterprise.id(), iccids, DEVICE).replace("2099-12-31", "2020-01-01")))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("AUTHORIZATION_EXPIRED");
        String bad = "89860000000000000018";
        MvcTestResult invalid =
                create(agent, body("NEW_INSTALL", enterprise.id(), List.of(iccids.get(0), bad), DEVICE));
        assertThat(invalid).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.code").isEqualTo("INVALID_ICCID");
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("iccids[1]");
            assertThat(json).extractingPath("$.errors[0].code").isEqualTo("INVALID_ICCID");
        });
        assertThat(create(agent, body("NEW_INSTALL", enterprise.id(), iccids, "")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("device");
        assertThat(create(agent, body("NEW_INSTALL", enterprise.id(), iccids, DEVICE)))
                .hasStatus(HttpStatus.CREATED);
        assertThat(create(agent, body("NEW_INSTALL", enterprise.id(), iccids, DEVICE)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.code").isEqualTo("CARD_IN_OPEN_ORDER");
                    assertThat(json).extractingPath("$.iccids").asArray().hasSize(2);
                });
        assertThat(create(
                        agent,
                        body(
                                "SUSPEND",
                                enterprise.id(),
                                List.of(fixtures.inventory(1, fixtures.dataOnlyPlan())
                                        .get(0)),
                                "")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("iccids[0]");
    }

    @Test
    void onlyAgentsCreateOrders() {
        List<String> iccids = fixtures.inventory(1, fixtures.dataOnlyPlan());
        for (Actor refused : new Actor[] {
            OrderFixtures.ops(),
            OrderFixtures.enterpriseAdmin(enterprise.id()),
            ActorAuthentication.actor(Role.ADMIN, null, null)
        }) {
            assertThat(create(refused, body("NEW_INSTALL", enterprise.id(), iccids, DEVICE)))
                    .hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void theAgentAttachesPhotosAndTheHandlerPhotoStartsTheComparison() {
        long id = newInstall();
        for (String kind : List.of("CERTIFICATE", "RESPONSIBLE_ID", "HANDLER_AUTHORIZATION", "HANDLER_ID")) {
            assertThat(mvc.post()
                            .uri("/api/v1/orders/{id}/documents", id)
                            .multipart()
                            .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", TestFiles.jpeg()))
                            .param("kind", kind)
                            .with(ActorAuthentication.as(agent)))
                    .hasStatus(HttpStatus.CREATED)
                    .bodyJson()
                    .extractingPath("$.kind")
                    .isEqualTo(kind);
        }
        MvcTestResult photo = mvc.post()
                .uri("/api/v1/orders/{id}/handler-photo", id)
                .multipart()
                .file(new MockMultipartFile("file", "me.jpg", "image/jpeg", TestFiles.jpeg()))
                .with(ActorAuthentication.as(agent))
                .exchange();
        assertThat(photo).hasStatus(HttpStatus.CREATED);
        assertThat(photo).bodyJson().extractingPath("$.kind").isEqualTo("HANDLER_PHOTO");
        assertThat(photo).bodyJson().extractingPath("$.pending").asArray().containsExactly("VERIFICATION");
        assertThat(mvc.get().uri("/api/v1/orders/{id}", id).with(ActorAuthentication.as(agent)))
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.verification.status").isEqualTo("PENDING_REVIEW");
                    assertThat(json).extractingPath("$.documents").asArray().hasSize(5);
                });
        // the handler photo is not a kind of the documents endpoint, nor an unknown kind
        for (String kind : List.of("HANDLER_PHOTO", "PASSPORT_SCAN")) {
            assertThat(mvc.post()
                            .uri("/api/v1/orders/{id}/documents", id)
                            .multipart()
                            .file(new MockMultipartFile("file", "x.jpg", "image/jpeg", TestFiles.jpeg()))
                            .param("kind", kind)
                            .with(ActorAuthentication.as(agent)))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("kind");
        }
        // the comparison started: the handler's photos cannot change any more
        assertThat(mvc.post()
                        .uri("/api/v1/orders/{id}/handler-photo", id)
                        .multipart()
                        .file(new MockMultipartFile("file", "me.jpg", "image/jpeg", TestFiles.jpeg()))
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void anotherTenantsOrderIsNotFoundForEveryEndpoint() {
        long id = newInstall();
        Actor otherAgent = OrderFixtures.agent(OrderFixtures.newAgentId());
        Actor otherEnterprise = OrderFixtures.enterpriseAdmin(enterprise.id() + 100_000);
        for (Actor outsider : new Actor[] {otherAgent, otherEnterprise}) {
            assertThat(mvc.get().uri("/api/v1/orders/{id}", id).with(ActorAuthentication.as(outsider)))
                    .hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("NOT_FOUND");
            assertThat(mvc.get().uri("/api/v1/orders/{id}/cards", id).with(ActorAuthentication.as(outsider)))
                    .hasStatus(HttpStatus.NOT_FOUND);
            assertThat(mvc.get().uri("/api/v1/orders").with(ActorAuthentication.as(outsider)))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.items")
                    .asArray()
                    .isEmpty();
        }
        assertThat(mvc.post()
                        .uri("/api/v1/orders/{id}/documents", id)
                        .multipart()
                        .file(new MockMultipartFile("file", "x.jpg", "image/jpeg", TestFiles.jpeg()))
                        .param("kind", "CERTIFICATE")
                        .with(ActorAuthentication.as(otherAgent)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/api/v1/orders/{id}/handler-photo", id)
                        .multipart()
                        .file(new MockMultipartFile("file", "x.jpg", "image/jpeg", TestFiles.jpeg()))
                        .with(ActorAuthentication.as(otherAgent)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/api/v1/orders/{id}/cancel", id).with(ActorAuthentication.as(otherAgent)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void opsAndTheEnterprisesAdminReadButDoNotWork() {
        long id = newInstall();
        Actor ops = OrderFixtures.ops();
        Actor admin = OrderFixtures.enterpriseAdmin(enterprise.id());
        for (Actor reader : new Actor[] {ops, admin}) {
            assertThat(mvc.get().uri("/api/v1/orders/{id}", id).with(ActorAuthentication.as(reader)))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.id")
                    .isEqualTo((int) id);
            assertThat(mvc.get().uri("/api/v1/orders/{id}/cards?size=1", id).with(ActorAuthentication.as(reader)))
                    .hasStatusOk()
                    .bodyJson()
                    .satisfies(json -> {
                        assertThat(json).extractingPath("$.items").asArray().hasSize(1);
                        assertThat(json).extractingPath("$.nextCursor").isNotNull();
                    });
            assertThat(mvc.post()
                            .uri("/api/v1/orders/{id}/documents", id)
                            .multipart()
                            .file(new MockMultipartFile("file", "x.jpg", "image/jpeg", TestFiles.jpeg()))
                            .param("kind", "CERTIFICATE")
                            .with(ActorAuthentication.as(reader)))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.post()
                            .uri("/api/v1/orders/{id}/handler-photo", id)
                            .multipart()
                            .file(new MockMultipartFile("file", "x.jpg", "image/jpeg", TestFiles.jpeg()))
                            .with(ActorAuthentication.as(reader)))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.post().uri("/api/v1/orders/{id}/cancel", id).with(ActorAuthentication.as(reader)))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.get()
                        .uri(
                                "/api/v1/orders?enterpriseId={e}&type=NEW_INSTALL&status=AWAITING_VERIFICATION",
                                enterprise.id())
                        .with(ActorAuthentication.as(admin)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[0].id")
                .isEqualTo((int) id);
        Actor platformAdmin = ActorAuthentication.actor(Role.ADMIN, null, null);
        assertThat(mvc.get().uri("/api/v1/orders/{id}", id).with(ActorAuthentication.as(platformAdmin)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/orders").with(ActorAuthentication.as(platformAdmin)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void onlyOpsDecideRebindsAndOnlyRebinds() {
        List<String> iccids = fixtures.enterpriseCards(1, fixtures.imeiBoundPlan(), agentId, enterprise.id());
        long rebind = fixtures.submit(agent, OrderFixtures.rebind(enterprise.id(), iccids, "860000000000074"))
                .id();
        fixtures.attachDocuments(agent, rebind);
        for (Actor refused : new Actor[] {
            agent, OrderFixtures.enterpriseAdmin(enterprise.id()), ActorAuthentication.actor(Role.ADMIN, null, null)
        }) {
            for (String decision : List.of("approve", "reject")) {
                assertThat(mvc.post()
                                .uri("/api/v1/orders/{id}/" + decision, rebind)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"reason\": \"because\"}")
                                .with(ActorAuthentication.as(refused)))
                        .hasStatus(HttpStatus.FORBIDDEN);
            }
        }
        assertThat(mvc.post()
                        .uri("/api/v1/orders/{id}/approve", newInstall())
                        .with(ActorAuthentication.as(OrderFixtures.ops())))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("ILLEGAL_STATE_TRANSITION");
        assertThat(mvc.post()
                        .uri("/api/v1/orders/{id}/reject", rebind)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .with(ActorAuthentication.as(OrderFixtures.ops())))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("reason");
        assertThat(mvc.post()
                        .uri("/api/v1/orders/{id}/approve", rebind)
                        .with(ActorAuthentication.as(OrderFixtures.ops())))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("COMPLETED");
                    assertThat(json).extractingPath("$.decision.outcome").isEqualTo("APPROVED");
                });
    }

    @Test
    void theAgentCancelsAnOpenOrder() {
        long id = newInstall();
        assertThat(mvc.post().uri("/api/v1/orders/{id}/cancel", id).with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("CANCELLED");
        assertThat(mvc.post().uri("/api/v1/orders/{id}/cancel", id).with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void opsUnmaskTheHandlerWithAReasonAndOthersMayNot() {
        long id = newInstall();
        String request = "{\"targetType\": \"ORDER\", \"targetId\": " + id
                + ", \"field\": \"handler.idNumber\", \"reason\": \"Checking a complaint\"}";
        assertThat(mvc.post()
                        .uri("/api/v1/personal-data/unmask")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request)
                        .with(ActorAuthentication.as(OrderFixtures.ops())))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.value")
                .isEqualTo(OrderFixtures.HANDLER_ID_NUMBER);
        assertThat(mvc.post()
                        .uri("/api/v1/personal-data/unmask")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request.replace("handler.idNumber", "handler.name"))
                        .with(ActorAuthentication.as(OrderFixtures.ops())))
                .bodyJson()
                .extractingPath("$.value")
                .isEqualTo("李四");
        assertThat(mvc.post()
                        .uri("/api/v1/personal-data/unmask")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request.replace("handler.idNumber", "handler.phone"))
                        .with(ActorAuthentication.as(OrderFixtures.ops())))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/api/v1/personal-data/unmask")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request)
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }
}
