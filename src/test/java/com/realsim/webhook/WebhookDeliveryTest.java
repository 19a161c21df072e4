package com.realsim.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.realsim.approval.CardEligibility;
import com.realsim.approval.ExceptionKind;
import com.realsim.approval.ExceptionService;
import com.realsim.approval.ExceptionView;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardService;
import com.realsim.card.CardTestConfiguration;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.identity.BarSubject;
import com.realsim.identity.BarredIdentities;
import com.realsim.identity.IdDocument;
import com.realsim.identity.NewBar;
import com.realsim.order.OrderFixtures;
import com.realsim.order.OrderStatus;
import com.realsim.order.OrderView;
import com.realsim.platform.Actor;
import com.realsim.platform.ChinaTime;
import com.realsim.risk.RiskReverifications;
import com.realsim.risk.RiskScans;
import com.realsim.risk.ScanView;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.MutableClock;
import com.realsim.verification.VerificationService;
import com.realsim.webhook.WebhookReceiver.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Webhooks end to end against a partner's receiver (the JDK's HTTP server on 127.0.0.1, allowed by the tests'
 * {@code realsim.webhooks.allowed-hosts}): cards changed through the real card module, deliveries sent by the
 * recurring job {@code webhook-deliver} as it runs in the application. Each delivery is signed (the test computes the
 * HMAC itself), a delivery the receiver refused is sent again once its back-off has passed on the platform clock, a
 * card's later deliveries wait for its earlier one, another tenant's events never reach the webhook, and a delivery
 * refused for longer than the retry window is marked FAILED where the client sees it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(CardTestConfiguration.class)
class WebhookDeliveryTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    CardService cardService;

    CardFixtures cards;

    @BeforeEach
    void fixtures() {
        cards = new CardFixtures(context);
    }

    record Registration(long id, String secret) {}

    Registration register(Actor client, String url, String... events) throws Exception {
        MockHttpServletResponse answer = mvc.perform(MockMvcRequestBuilders.post("/api/v1/webhooks")
                        .with(ActorAuthentication.as(client))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + url + "\",\"events\":[\"" + String.join("\",\"", events) + "\"]}"))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
        String body = answer.getContentAsString();
        return new Registration(((Number) JsonPath.read(body, "$.id")).longValue(), JsonPath.read(body, "$.secret"));
    }

    static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    static String state(Received received) {
        return JsonPath.read(received.body(), "$.data.state");
    }

    @Test
    void deliveriesAreSignedRetriedAfterTheReceiverFailsAndInOrderPerCard() throws Exception {
        long agentA = CardFixtures.newAgent();
        long enterpriseA = cards.verifiedEnterprise(agentA);
        long agentB = CardFixtures.newAgent();
        long enterpriseB = cards.verifiedEnterprise(agentB);
        try (WebhookReceiver partnerA = new WebhookReceiver(200, 500);
                WebhookReceiver partnerB = new WebhookReceiver(200)) {
            Registration hookA =
                    register(CardFixtures.enterpriseAdmin(enterpriseA), partnerA.url(), "CARD_STATE_CHANGED");
            register(CardFixtures.enterpriseAdmin(enterpriseB), partnerB.url(), "CARD_STATE_CHANGED");

            String iccid = cards.enterpriseCard(agentA, enterpriseA); // handed over: one delivery
            cards.activate(iccid);
            RunAs.run(CardFixtures.agent(agentA), () -> cardService.suspend(iccid, "webhook test"));
            String otherTenants = cards.activeDataCard(agentB, enterpriseB);

            Awaitility.await().atMost(WAIT).until(() -> !partnerA.received().isEmpty());
            assertThat(partnerA.received().get(0).answered()).isEqualTo(500);
            // the first delivery waits for its back-off (30 s on the platform clock); the card's later ones wait for it
            Awaitility.await()
                    .during(Duration.ofSeconds(4))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> partnerA.received().size() == 1);

            clock.advance(Duration.ofMinutes(1));
            RunAs.run(CardFixtures.agent(agentA), () -> cardService.resume(iccid, "webhook test"));
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> partnerA.received().stream()
                                    .filter(r -> r.answered() == 200)
                                    .count()
                            >= 4);

            List<Received> received = partnerA.received();
            assertThat(received.get(1).delivery())
                    .as("the refused delivery was sent again, with the same event id")
                    .isEqualTo(received.get(0).delivery());
            assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
            List<String> states =
                    received.stream().map(WebhookDeliveryTest::state).toList();
            assertThat(states.subList(states.size() - 3, states.size()))
                    .as("in the order the card changed")
                    .containsExactly("ACTIVE", "SUSPENDED", "ACTIVE");
            assertThat(states.get(0)).isIn("TEST", "PENDING_ACTIVATION");
            for (Received one : received) {
                assertThat(one.signature()).as("signed").isEqualTo(hmac(hookA.secret(), one.body()));
                assertThat(one.event()).isEqualTo("CARD_STATE_CHANGED");
                assertThat((String) JsonPath.read(one.body(), "$.type")).isEqualTo("CARD_STATE_CHANGED");
                assertThat((String) JsonPath.read(one.body(), "$.id")).isEqualTo(one.delivery());
                assertThat((String) JsonPath.read(one.body(), "$.at")).isNotBlank();
                assertThat((String) JsonPath.read(one.body(), "$.data.iccid")).isEqualTo(iccid);
                assertThat(one.body()).doesNotContain(otherTenants);
            }
            assertThat((String) JsonPath.read(received.get(received.size() - 2).body(), "$.data.reason"))
                    .isEqualTo("CUSTOMER_REQUEST");

            Awaitility.await()
                    .atMost(WAIT)
                    .until(() ->
                            partnerB.received().stream().anyMatch(r -> r.body().contains(otherTenants)));
            assertThat(partnerB.received()).noneMatch(r -> r.body().contains(iccid));
        }
    }

    @Test
    void anAgentsWebhookHearsEveryEnterpriseOfTheAgentAndASubscribedTypeOnly() throws Exception {
        long agent = CardFixtures.newAgent();
        long first = cards.verifiedEnterprise(agent);
        long second = cards.verifiedEnterprise(agent);
        try (WebhookReceiver partner = new WebhookReceiver(200);
                WebhookReceiver ordersOnly = new WebhookReceiver(200)) {
            Registration hook = register(CardFixtures.agent(agent), partner.url(), "CARD_STATE_CHANGED");
            register(CardFixtures.agent(agent), ordersOnly.url(), "ORDER_COMPLETED");
            List<String> firsts = cards.enterpriseCards(2, "138", cards.directionalDataPlan(), agent, first);
            String other = cards.enterpriseCard(agent, second);

            Awaitility.await().atMost(WAIT).until(() -> partner.received().size() >= 3);
            assertThat(partner.received())
                    .extracting(r -> (String) JsonPath.read(r.body(), "$.data.iccid"))
                    .containsExactlyInAnyOrder(firsts.get(0), firsts.get(1), other);
            for (Received one : partner.received()) {
                assertThat(one.signature()).isEqualTo(hmac(hook.secret(), one.body()));
            }
            assertThat(ordersOnly.received())
                    .as("not subscribed to card states")
                    .isEmpty();
        }
    }

    @Test
    void aDeliveryRefusedForLongerThanTheRetryWindowIsFailedAndTheCardsNextOneGoes() throws Exception {
        long agent = CardFixtures.newAgent();
        long enterprise = cards.verifiedEnterprise(agent);
        Actor client = CardFixtures.enterpriseAdmin(enterprise);
        try (WebhookReceiver partner = new WebhookReceiver(503)) {
            register(client, partner.url(), "CARD_STATE_CHANGED");
            String iccid = cards.enterpriseCard(agent, enterprise);
            cards.activate(iccid);
            Awaitility.await().atMost(WAIT).until(() -> partner.received().size() == 1);

            clock.advance(Duration.ofHours(26));
            Awaitility.await().atMost(WAIT).until(() -> partner.received().size() >= 2);
            Awaitility.await().atMost(WAIT).until(() -> {
                String list = mvc.perform(
                                MockMvcRequestBuilders.get("/api/v1/webhooks").with(ActorAuthentication.as(client)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                return ((Number) JsonPath.read(list, "$.items[0].failed")).intValue() == 2
                        && ((Number) JsonPath.read(list, "$.items[0].pending")).intValue() == 0;
            });
            List<Received> received = partner.received();
            assertThat(state(received.get(received.size() - 1)))
                    .as("the card's next delivery went once the first was given up")
                    .isEqualTo("ACTIVE");
            String list = mvc.perform(
                            MockMvcRequestBuilders.get("/api/v1/webhooks").with(ActorAuthentication.as(client)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat((String) JsonPath.read(list, "$.items[0].lastFailedAt")).isNotBlank();
        }
    }

    @Test
    void decisionsAndNewAlertsOfTheTenantsCardsAreDelivered() throws Exception {
        long agent = CardFixtures.newAgent();
        long enterprise = cards.verifiedEnterprise(agent);
        Actor agentUser = CardFixtures.agent(agent);
        Actor ops = CardFixtures.OPS;
        try (WebhookReceiver partner = new WebhookReceiver(200)) {
            Registration hook = register(
                    agentUser,
                    partner.url(),
                    "VERIFICATION_DECIDED",
                    "EXCEPTION_DECIDED",
                    "RISK_ALERT_OPENED",
                    "REVERIFICATION_REQUIRED");

            // an exception to a card's real-name requirement, approved by OPS
            String waived = cards.cardAllowing(CardEligibility.Allowed.PROVINCIAL_APPROVAL, agent, enterprise);
            ExceptionService exceptions = context.getBean(ExceptionService.class);
            ExceptionView request =
                    RunAs.run(agentUser, () -> exceptions.request(waived, ExceptionKind.PROVINCIAL_APPROVAL, "省公司已批准"));
            RunAs.run(
                    agentUser, () -> exceptions.attachDocument(request.id(), com.realsim.testsupport.TestFiles.jpeg()));
            RunAs.run(ops, () -> exceptions.approve(request.id(), null));

            // an end user's verification, approved by OPS; then the person is barred and a scan opens an alert
            String bound = cards.enterpriseCard(agent, enterprise, "138", cards.nonDirectionalDataPlan());
            IdDocument person = CardFixtures.newIdentity();
            cards.verifiedEndUser(agent, bound, person);
            LocalDate today = ChinaTime.today(clock);
            RunAs.run(
                    ops,
                    () -> context.getBean(BarredIdentities.class)
                            .record(new NewBar(
                                    BarSubject.PERSON,
                                    person.type(),
                                    person.number(),
                                    null,
                                    "网络测试〔2026〕1号",
                                    today,
                                    today.plusYears(2),
                                    "webhook test")));
            RiskScans scans = context.getBean(RiskScans.class);
            long scan = RunAs.run(ops, () -> scans.start()).id();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(120))
                    .until(() -> RunAs.run(ops, () -> scans.scan(scan)).status() != ScanView.ScanStatus.RUNNING);

            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> partner.received().stream()
                            .map(Received::event)
                            .toList()
                            .containsAll(List.of("EXCEPTION_DECIDED", "VERIFICATION_DECIDED", "RISK_ALERT_OPENED")));
            for (Received one : partner.received()) {
                assertThat(one.signature()).isEqualTo(hmac(hook.secret(), one.body()));
                assertThat(one.body()).as("masked: no ID number").doesNotContain(person.number());
            }
            Received exception = only(partner, "EXCEPTION_DECIDED");
            assertThat((String) JsonPath.read(exception.body(), "$.data.iccid")).isEqualTo(waived);
            assertThat((String) JsonPath.read(exception.body(), "$.data.outcome"))
                    .isEqualTo("APPROVED");
            assertThat(((Number) JsonPath.read(exception.body(), "$.data.exceptionId")).longValue())
                    .isEqualTo(request.id());
            Received verification = only(partner, "VERIFICATION_DECIDED");
            assertThat((String) JsonPath.read(verification.body(), "$.data.iccid"))
                    .isEqualTo(bound);
            assertThat((String) JsonPath.read(verification.body(), "$.data.outcome"))
                    .isEqualTo("APPROVED");
            Received alert = only(partner, "RISK_ALERT_OPENED");
            assertThat((String) JsonPath.read(alert.body(), "$.data.iccid")).isEqualTo(bound);
            assertThat((String) JsonPath.read(alert.body(), "$.data.rule")).isEqualTo("BARRED_IDENTITY");

            // OPS require the alert's card to be verified again
            long alertId = ((Number) JsonPath.read(alert.body(), "$.data.alertId")).longValue();
            RunAs.run(ops, () -> context.getBean(RiskReverifications.class).require(alertId, "请重新核验使用人身份"));
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() ->
                            partner.received().stream().anyMatch(r -> "REVERIFICATION_REQUIRED".equals(r.event())));
            Received again = only(partner, "REVERIFICATION_REQUIRED");
            assertThat(again.signature()).isEqualTo(hmac(hook.secret(), again.body()));
            assertThat((String) JsonPath.read(again.body(), "$.data.iccid")).isEqualTo(bound);
            assertThat(((Number) JsonPath.read(again.body(), "$.data.alertId")).longValue())
                    .isEqualTo(alertId);
            assertThat((Object) JsonPath.read(again.body(), "$.data.verificationId"))
                    .isNotNull();
            assertThat((String) JsonPath.read(again.body(), "$.data.deadline")).isNotBlank();
        }
    }

    @Test
    void anOrdersOutcomeReachesTheAgentsWebhook() throws Exception {
        OrderFixtures orders = new OrderFixtures(context);
        long agent = OrderFixtures.newAgentId();
        EnterpriseView enterprise = orders.verifiedEnterprise(agent);
        Actor agentUser = OrderFixtures.agent(agent);
        try (WebhookReceiver partner = new WebhookReceiver(200)) {
            Registration hook = register(agentUser, partner.url(), "ORDER_COMPLETED", "ORDER_REJECTED");

            OrderView completed = orders.submit(
                    agentUser, OrderFixtures.newInstall(enterprise.id(), orders.inventory(2, orders.dataOnlyPlan())));
            assertThat(orders.throughComparison(agentUser, completed.id()).status())
                    .isEqualTo(OrderStatus.COMPLETED);

            OrderView rejected = orders.submit(
                    agentUser, OrderFixtures.newInstall(enterprise.id(), orders.inventory(1, orders.dataOnlyPlan())));
            orders.attachDocuments(agentUser, rejected.id());
            long comparison =
                    orders.attachHandlerPhoto(agentUser, rejected.id()).verificationCaseId();
            RunAs.run(
                    OrderFixtures.ops(),
                    () -> context.getBean(VerificationService.class)
                            .reject(comparison, "the on-site photo shows someone else"));
            assertThat(orders.awaitClosed(agentUser, rejected.id()).status()).isEqualTo(OrderStatus.REJECTED);

            Awaitility.await().atMost(WAIT).until(() -> partner.received().size() >= 2);
            Received done = only(partner, "ORDER_COMPLETED");
            assertThat(((Number) JsonPath.read(done.body(), "$.data.orderId")).longValue())
                    .isEqualTo(completed.id());
            assertThat((Integer) JsonPath.read(done.body(), "$.data.cards")).isEqualTo(2);
            assertThat((String) JsonPath.read(done.body(), "$.data.orderType")).isEqualTo("NEW_INSTALL");
            Received refused = only(partner, "ORDER_REJECTED");
            assertThat(((Number) JsonPath.read(refused.body(), "$.data.orderId")).longValue())
                    .isEqualTo(rejected.id());
            assertThat((String) JsonPath.read(refused.body(), "$.data.code")).isNotBlank();
            for (Received one : partner.received()) {
                assertThat(one.signature()).isEqualTo(hmac(hook.secret(), one.body()));
                assertThat(one.body()).as("masked: not the handler's ID number").doesNotContain("420106");
            }
        }
    }

    static Received only(WebhookReceiver partner, String type) {
        List<Received> of =
                partner.received().stream().filter(r -> type.equals(r.event())).toList();
        assertThat(of).as(type).hasSize(1);
        return of.get(0);
    }
}
