package com.realsim.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.card.CardFixtures;
import com.realsim.document.DocumentService;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.order.OrderFixtures;
import com.realsim.order.OrderView;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.error.NotFoundException;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.DatabaseOwner;
import com.realsim.testsupport.PartnerApiClient;
import com.realsim.testsupport.PartnerApiClient.Answer;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.SuspendableAgents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The hand-over of an agent's customers, and of one enterprise, over real HTTP and PostgreSQL: what moves (the
 * enterprises, their cards, end users, documents, orders — open ones cancelled with the reason — and their history),
 * who sees what afterwards (the new agent everything, the old one nothing: 404, and none of the trail's entries), the
 * refusals with their codes, and all-or-nothing: a real failure in the last step (a trigger of the database on the
 * audit module's table) leaves every row where it was.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "app.bootstrap.admin-client-id=bootstrap-admin",
            "app.bootstrap.admin-client-secret=bootstrap-secret-0123456789"
        })
class CustomerHandOverTest {

    static final Actor ADMIN = ActorAuthentication.actor(Role.ADMIN, null, null);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Autowired
    ApiClientService clients;

    @Autowired
    DocumentService documents;

    @Autowired
    JdbcClient jdbc;

    PartnerApiClient admin() {
        return PartnerApiClient.signedIn(port, "bootstrap-admin", "bootstrap-secret-0123456789");
    }

    PartnerApiClient clientOf(long agentId) {
        IssuedCredentials credentials = RunAs.run(
                ADMIN,
                () -> clients.create(new NewApiClient("hand-over " + agentId, Role.AGENT, agentId, null), ADMIN));
        return PartnerApiClient.signedIn(port, credentials.clientId(), credentials.clientSecret());
    }

    AgentSummary newAgent() {
        return SuspendableAgents.create(context, "移交测试渠道 " + UUID.randomUUID(), null);
    }

    /** Two enterprises of an agent with cards (one with a verified end user), an open order and a completed one. */
    record Customers(
            long agentId,
            List<Long> enterpriseIds,
            List<String> iccids,
            String endUserIccid,
            long openOrderId,
            List<Long> documentIds) {}

    Customers customersOf(long agentId) {
        OrderFixtures orders = new OrderFixtures(context);
        CardFixtures cards = new CardFixtures(context);
        EnterpriseView first = orders.verifiedEnterprise(agentId);
        EnterpriseView second = orders.verifiedEnterprise(agentId);
        List<String> iccids = new ArrayList<>(orders.enterpriseCards(3, orders.dataOnlyPlan(), agentId, first.id()));
        iccids.addAll(orders.enterpriseCards(2, orders.dataOnlyPlan(), agentId, second.id()));
        String endUserIccid = iccids.get(0);
        cards.verifiedEndUser(agentId, endUserIccid, CardFixtures.newIdentity());
        OrderView open = orders.submit(
                OrderFixtures.agent(agentId),
                OrderFixtures.newInstall(first.id(), orders.inventory(2, orders.dataOnlyPlan())));
        OrderView documented = orders.attachDocuments(OrderFixtures.agent(agentId), open.id());
        List<Long> documentIds = documented.documents().stream()
                .map(OrderView.DocumentView::documentId)
                .toList();
        return new Customers(agentId, List.of(first.id(), second.id()), iccids, endUserIccid, open.id(), documentIds);
    }

    @Test
    void aSuspendedAgentsCustomersMoveWithTheirHistoryAndTheOldAgentSeesNothingOfThem() {
        AgentSummary from = newAgent();
        AgentSummary to = newAgent();
        Customers customers = customersOf(from.id());
        PartnerApiClient oldAgent = clientOf(from.id());
        PartnerApiClient newAgent = clientOf(to.id());
        long enterprise = customers.enterpriseIds().get(0);
        awaitEntries(oldAgent, "ENTERPRISE", enterprise, 1);
        RunAs.run(ADMIN, () -> accounts.suspendAgent(from.id(), "虚假登记调查中"));

        Answer handed = admin().post(
                        "/api/v1/agents/" + from.id() + "/hand-over",
                        Map.of("toAgentId", to.id(), "reason", "原代理商资格暂停，客户移交"));

        assertThat(handed.status()).as(handed.body()).isEqualTo(200);
        assertThat(handed.json().get("enterprises").asLong()).isEqualTo(2);
        assertThat(handed.json().get("cards").asLong()).isEqualTo(5);
        assertThat(handed.json().get("ordersCancelled").asLong()).isEqualTo(1);

        // every table's rows of the enterprises carry the new agent
        for (String table :
                List.of("card", "card_end_user", "business_order", "stored_document", "responsible_person")) {
            assertThat(jdbc.sql("SELECT DISTINCT agent_id FROM " + table + " WHERE enterprise_id = ANY(:ids)")
                            .param("ids", customers.enterpriseIds().toArray(Long[]::new))
                            .query(Long.class)
                            .list())
                    .as(table)
                    .containsExactly(to.id());
        }
        assertThat(jdbc.sql("SELECT DISTINCT agent_id FROM verification_case WHERE enterprise_id = ANY(:ids)")
                        .param("ids", customers.enterpriseIds().toArray(Long[]::new))
                        .query(Long.class)
                        .list())
                .doesNotContain(from.id());

        // the new agent sees the enterprises, the cards, the orders (the open one cancelled) and the documents
        assertThat(newAgent.get("/api/v1/enterprises/" + enterprise).status()).isEqualTo(200);
        for (String iccid : customers.iccids()) {
            assertThat(newAgent.get("/api/v1/cards/" + iccid).status())
                    .as(iccid)
                    .isEqualTo(200);
        }
        Answer order = newAgent.get("/api/v1/orders/" + customers.openOrderId());
        assertThat(order.status()).isEqualTo(200);
        assertThat(order.json().get("status").asString()).isEqualTo("CANCELLED");
        Actor newAgentActor = OrderFixtures.agent(to.id());
        Actor oldAgentActor = OrderFixtures.agent(from.id());
        for (long documentId : customers.documentIds()) {
            assertThat(RunAs.run(newAgentActor, () -> documents.open(documentId)))
                    .isNotNull();
            assertThatThrownBy(() -> RunAs.run(oldAgentActor, () -> documents.open(documentId)))
                    .isInstanceOf(NotFoundException.class);
        }

        // the old agent: not found, every one of them
        assertThat(oldAgent.get("/api/v1/enterprises/" + enterprise).status()).isEqualTo(404);
        for (String iccid : customers.iccids()) {
            assertThat(oldAgent.get("/api/v1/cards/" + iccid).status())
                    .as(iccid)
                    .isEqualTo(404);
        }
        assertThat(oldAgent.get("/api/v1/orders/" + customers.openOrderId()).status())
                .isEqualTo(404);

        // the history follows the enterprise: the entries written before the hand-over (its registration, the
        // card's end user, the order) are the new agent's to read now, and the hand-over itself with them
        JsonNode enterpriseHistory = awaitEntries(newAgent, "ENTERPRISE", enterprise, 2);
        assertThat(actions(enterpriseHistory)).contains("ENTERPRISE_HANDED_OVER", "ENTERPRISE_VERIFIED");
        assertThat(actions(awaitEntries(newAgent, "ORDER", customers.openOrderId(), 2)))
                .contains("ORDER_CREATED", "ORDER_CANCELLED");
        assertThat(actions(awaitEntries(newAgent, "CARD", customers.endUserIccid(), 1)))
                .isNotEmpty();
        JsonNode cancelled = entries(admin(), "ORDER", customers.openOrderId());
        assertThat(cancelled.toString()).contains("原代理商资格暂停，客户移交");
        assertThat(entries(oldAgent, "ENTERPRISE", enterprise)).isEmpty();
        assertThat(entries(oldAgent, "ORDER", customers.openOrderId())).isEmpty();
        assertThat(entries(oldAgent, "CARD", customers.endUserIccid())).isEmpty();
        assertThat(actions(entries(admin(), "AGENT", from.id()))).contains("AGENT_CUSTOMERS_HANDED_OVER");
        // no entry was rewritten: the old entries still name the agent that held the enterprise then
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE enterprise_id = ? AND agent_id = ?")
                        .param(enterprise)
                        .param(from.id())
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void aFailureInTheLastStepLeavesNothingMoved() {
        AgentSummary from = newAgent();
        AgentSummary to = newAgent();
        Customers customers = customersOf(from.id());
        RunAs.run(ADMIN, () -> accounts.revokeAgent(from.id(), "批量开卡"));
        Long[] ids = customers.enterpriseIds().toArray(Long[]::new);
        JdbcClient owner = DatabaseOwner.sql(context.getEnvironment());
        owner.sql("""
                        CREATE OR REPLACE FUNCTION test_hand_over_fault() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            -- half way: only once the earlier steps moved the enterprise's cards and orders in this
                            -- transaction (else the hand-over goes through, and the test fails on its 200)
                            IF EXISTS (SELECT 1 FROM card WHERE enterprise_id = NEW.enterprise_id
                                                            AND agent_id = NEW.agent_id)
                               AND EXISTS (SELECT 1 FROM business_order WHERE enterprise_id = NEW.enterprise_id
                                                                          AND agent_id = NEW.agent_id) THEN
                                RAISE EXCEPTION 'injected fault: the last step fails after cards and orders moved';
                            END IF;
                            RETURN NEW;
                        END $$""").update();
        owner.sql("CREATE TRIGGER test_hand_over_fault BEFORE INSERT OR UPDATE ON audit_enterprise_holder "
                        + "FOR EACH ROW EXECUTE FUNCTION test_hand_over_fault()")
                .update();
        Answer failed;
        try {
            failed = admin().post(
                            "/api/v1/agents/" + from.id() + "/hand-over", Map.of("toAgentId", to.id(), "reason", "移交"));
        } finally {
            owner.sql("DROP TRIGGER test_hand_over_fault ON audit_enterprise_holder")
                    .update();
            owner.sql("DROP FUNCTION test_hand_over_fault()").update();
        }
        // the first enterprise has cards and the open order: the fault fired on its row, after they moved
        assertThat(failed.status()).as(failed.body()).isEqualTo(500);
        for (String table : List.of(
                "enterprise", "card", "card_end_user", "business_order", "stored_document", "responsible_person")) {
            String column = table.equals("enterprise") ? "id" : "enterprise_id";
            assertThat(jdbc.sql("SELECT DISTINCT agent_id FROM " + table + " WHERE " + column + " = ANY(:ids)")
                            .param("ids", ids)
                            .query(Long.class)
                            .list())
                    .as(table + " still the old agent's")
                    .containsExactly(from.id());
        }
        assertThat(jdbc.sql("SELECT status FROM business_order WHERE id = ?")
                        .param(customers.openOrderId())
                        .query(String.class)
                        .single())
                .isEqualTo("AWAITING_VERIFICATION");
        assertThat(jdbc.sql("SELECT count(*) FROM business_order_card WHERE order_id = ? AND open")
                        .param(customers.openOrderId())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?")
                        .param("%\"fromAgentId\":" + from.id() + ",%")
                        .query(Long.class)
                        .single())
                .as("no audit publication of the failed hand-over")
                .isZero();

        // with the fault gone the same request goes through
        Answer handed = admin().post(
                        "/api/v1/agents/" + from.id() + "/hand-over", Map.of("toAgentId", to.id(), "reason", "移交"));
        assertThat(handed.status()).as(handed.body()).isEqualTo(200);
        assertThat(handed.json().get("cards").asLong()).isEqualTo(5);
    }

    @Test
    void refusalsNameTheirRule() {
        AgentSummary active = newAgent();
        AgentSummary suspended = newAgent();
        AgentSummary target = newAgent();
        AgentSummary suspendedTarget = newAgent();
        RunAs.run(ADMIN, () -> accounts.suspendAgent(suspended.id(), "调查中"));
        RunAs.run(ADMIN, () -> accounts.suspendAgent(suspendedTarget.id(), "调查中"));
        PartnerApiClient admin = admin();

        Answer fromActive = admin.post(
                "/api/v1/agents/" + active.id() + "/hand-over", Map.of("toAgentId", target.id(), "reason", "移交"));
        assertThat(fromActive.status()).isEqualTo(409);
        assertThat(fromActive.code()).isEqualTo("ILLEGAL_STATE_TRANSITION");

        Answer toSuspended = admin.post(
                "/api/v1/agents/" + suspended.id() + "/hand-over",
                Map.of("toAgentId", suspendedTarget.id(), "reason", "移交"));
        assertThat(toSuspended.status()).isEqualTo(422);
        assertThat(toSuspended.code()).isEqualTo("AGENT_NOT_QUALIFIED");
        assertThat(toSuspended.body()).contains("\"field\":\"toAgentId\"");

        Answer same = admin.post(
                "/api/v1/agents/" + suspended.id() + "/hand-over", Map.of("toAgentId", suspended.id(), "reason", "移交"));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.body()).contains("\"field\":\"toAgentId\"");

        Answer noReason = admin.post(
                "/api/v1/agents/" + suspended.id() + "/hand-over", Map.of("toAgentId", target.id(), "reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");

        assertThat(admin.post(
                                "/api/v1/agents/" + Long.MAX_VALUE + "/hand-over",
                                Map.of("toAgentId", target.id(), "reason", "移交"))
                        .status())
                .isEqualTo(404);
        assertThat(admin.post(
                                "/api/v1/agents/" + suspended.id() + "/hand-over",
                                Map.of("toAgentId", Long.MAX_VALUE, "reason", "移交"))
                        .status())
                .isEqualTo(404);
        assertThat(clientOf(target.id())
                        .post(
                                "/api/v1/agents/" + suspended.id() + "/hand-over",
                                Map.of("toAgentId", target.id(), "reason", "移交"))
                        .status())
                .as("an agent may not hand over another agent's customers")
                .isEqualTo(403);
    }

    @Test
    void anActiveAgentHandsOneOfItsEnterprisesToAnotherAgent() {
        AgentSummary from = newAgent();
        AgentSummary to = newAgent();
        AgentSummary stranger = newAgent();
        Customers customers = customersOf(from.id());
        long moving = customers.enterpriseIds().get(0);
        long staying = customers.enterpriseIds().get(1);
        PartnerApiClient owner = clientOf(from.id());

        assertThat(clientOf(stranger.id())
                        .post(
                                "/api/v1/enterprises/" + moving + "/hand-over",
                                Map.of("toAgentId", stranger.id(), "reason", "不是它的企业"))
                        .status())
                .as("another agent's enterprise is not found")
                .isEqualTo(404);

        Answer handed = owner.post(
                "/api/v1/enterprises/" + moving + "/hand-over", Map.of("toAgentId", to.id(), "reason", "客户要求更换代理商"));
        assertThat(handed.status()).as(handed.body()).isEqualTo(200);
        assertThat(handed.json().get("enterprises").asLong()).isEqualTo(1);
        assertThat(handed.json().get("cards").asLong()).isEqualTo(3);
        assertThat(handed.json().get("ordersCancelled").asLong()).isEqualTo(1);

        assertThat(owner.get("/api/v1/enterprises/" + moving).status()).isEqualTo(404);
        assertThat(owner.get("/api/v1/enterprises/" + staying).status()).isEqualTo(200);
        assertThat(owner.get("/api/v1/cards/" + customers.iccids().get(3)).status())
                .as("a card of the enterprise that stays")
                .isEqualTo(200);
        PartnerApiClient receiver = clientOf(to.id());
        assertThat(receiver.get("/api/v1/enterprises/" + moving).status()).isEqualTo(200);
        assertThat(receiver.get("/api/v1/cards/" + customers.endUserIccid()).status())
                .isEqualTo(200);
        assertThat(actions(awaitEntries(receiver, "ENTERPRISE", moving, 2))).contains("ENTERPRISE_HANDED_OVER");
        assertThat(entries(owner, "ENTERPRISE", moving)).isEmpty();
        assertThat(entries(owner, "ENTERPRISE", staying)).isNotEmpty();

        // handed back later: the history follows it again
        Answer back = admin().post(
                        "/api/v1/enterprises/" + moving + "/hand-over",
                        Map.of("toAgentId", from.id(), "reason", "客户回归"));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(entries(receiver, "ENTERPRISE", moving)).isEmpty();
        assertThat(actions(awaitEntries(owner, "ENTERPRISE", moving, 3))).contains("ENTERPRISE_HANDED_OVER");
    }

    private static JsonNode entries(PartnerApiClient reader, String targetType, Object targetId) {
        Answer answer = reader.get("/api/v1/audit?targetType=" + targetType + "&targetId=" + targetId + "&size=100");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("items");
    }

    private static JsonNode awaitEntries(PartnerApiClient reader, String targetType, Object targetId, int atLeast) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> entries(reader, targetType, targetId).size() >= atLeast);
        return entries(reader, targetType, targetId);
    }

    private static List<String> actions(JsonNode entries) {
        List<String> actions = new ArrayList<>();
        entries.forEach(entry -> actions.add(entry.get("action").asString()));
        return actions;
    }
}
