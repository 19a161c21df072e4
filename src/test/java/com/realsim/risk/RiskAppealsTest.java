package com.realsim.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import com.realsim.card.BlockingReason;
import com.realsim.card.BlockingReasonView;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardState;
import com.realsim.card.CardTestConfiguration;
import com.realsim.card.CardView;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Appeals (申诉) through the Partner API: a customer contests a card's suspension for machine-card separation; one
 * open appeal per card and reason (the API's 409 and the database's index); OPS claim and decide with a reason. A
 * granted appeal clears the reason through the card module and the card works again only when nothing else blocks
 * it; a rejected one keeps it. Bad input names its field; other tenants hear 404, roles that may not act 403.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
class RiskAppealsTest {

    static final String BOUND_IMEI = "356938035643809";
    static final String OTHER_IMEI = "490154203237518";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    final Actor ops = ActorAuthentication.actor(Role.OPS, null, null);
    final Actor otherOps = ActorAuthentication.actor(Role.OPS, null, null);

    RiskFixtures risk;
    long agentId;
    long enterpriseId;
    Actor admin;
    Actor agent;

    @BeforeEach
    void customer() {
        risk = new RiskFixtures(context);
        agentId = CardFixtures.newAgent();
        enterpriseId = risk.cards.verifiedEnterprise(agentId);
        admin = CardFixtures.enterpriseAdmin(enterpriseId);
        agent = CardFixtures.agent(agentId);
    }

    /** An ACTIVE card bound to its device, then seen in another one: SUSPENDED with MACHINE_CARD_SEPARATION. */
    String separatedCard() {
        String iccid = risk.cards.enterpriseCard(agentId, enterpriseId, "138", risk.cards.devicePlan());
        risk.cards.activate(iccid);
        risk.used(iccid, risk.today().minusDays(1), 5, 0, 0, BOUND_IMEI);
        risk.used(iccid, risk.today(), 5, 0, 0, OTHER_IMEI);
        assertThat(risk.cards.view(iccid).state()).isEqualTo(CardState.SUSPENDED);
        return iccid;
    }

    MockHttpServletResponse call(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(request.accept(MediaType.APPLICATION_JSON).with(ActorAuthentication.as(actor)))
                .andReturn()
                .getResponse();
    }

    MockHttpServletResponse json(MockHttpServletRequestBuilder request, Actor actor, String body) throws Exception {
        return call(request.contentType(MediaType.APPLICATION_JSON).content(body), actor);
    }

    MockHttpServletResponse contest(String iccid, Actor actor, String reason, String statement) throws Exception {
        return json(
                MockMvcRequestBuilders.post("/api/v1/cards/" + iccid + "/appeals"),
                actor,
                "{\"reason\": \"%s\", \"statement\": \"%s\"}".formatted(reason, statement));
    }

    long filed(MockHttpServletResponse answer) throws Exception {
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
        return ((Number) JsonPath.read(answer.getContentAsString(), "$.id")).longValue();
    }

    MockHttpServletResponse decide(long id, String decision, Actor actor, String reason) throws Exception {
        return json(
                MockMvcRequestBuilders.post("/api/v1/risk/appeals/" + id + "/" + decision),
                actor,
                "{\"reason\": \"" + reason + "\"}");
    }

    List<BlockingReason> activeReasons(String iccid) {
        return risk.cards.view(iccid).activeReasons().stream()
                .map(BlockingReasonView::reason)
                .toList();
    }

    @Test
    void aGrantedAppealClearsTheReasonAndTheCardWorksAgain() throws Exception {
        String iccid = separatedCard();
        risk.apply(RuleCode.MACHINE_CARD_SEPARATION, Map.of(), risk.clock.instant());

        MockHttpServletResponse answer = contest(iccid, admin, "MACHINE_CARD_SEPARATION", "设备维修后更换了主板，IMEI 随之变化");
        long id = filed(answer);
        assertThat(answer.getContentAsString())
                .contains(
                        "\"status\":\"OPEN\"",
                        "\"reason\":\"MACHINE_CARD_SEPARATION\"",
                        "\"filedRole\":\"ENTERPRISE_ADMIN\"");

        MockHttpServletResponse queue = call(MockMvcRequestBuilders.get("/api/v1/risk/appeals?status=OPEN"), ops);
        assertThat(queue.getStatus()).isEqualTo(200);
        assertThat(JsonPath.<List<Integer>>read(queue.getContentAsString(), "$.items[*].id"))
                .contains((int) id);

        assertThat(call(MockMvcRequestBuilders.post("/api/v1/risk/appeals/" + id + "/claim"), ops)
                        .getContentAsString())
                .contains("\"assignee\":\"" + ops.name() + "\"");
        MockHttpServletResponse held = decide(id, "grant", otherOps, "我来处理");
        assertThat(held.getStatus()).as("another OPS person holds it").isEqualTo(409);
        assertThat(risk.cards.view(iccid).state()).isEqualTo(CardState.SUSPENDED);

        MockHttpServletResponse granted = decide(id, "grant", ops, "已核实维修记录");
        assertThat(granted.getStatus()).as(granted.getContentAsString()).isEqualTo(200);
        assertThat(granted.getContentAsString())
                .contains("\"status\":\"GRANTED\"", "\"decisionReason\":\"已核实维修记录\"", "\"cardState\":\"ACTIVE\"");
        CardView card = risk.cards.view(iccid);
        assertThat(card.state()).isEqualTo(CardState.ACTIVE);
        assertThat(card.blockingReasons()).anySatisfy(reason -> {
            assertThat(reason.reason()).isEqualTo(BlockingReason.MACHINE_CARD_SEPARATION);
            assertThat(reason.clearNote()).isEqualTo("已核实维修记录");
        });

        assertThat(call(MockMvcRequestBuilders.get("/api/v1/risk/appeals/" + id), admin)
                        .getContentAsString())
                .as("the customer reads the decision and its reason")
                .contains("\"status\":\"GRANTED\"", "\"decisionReason\":\"已核实维修记录\"");
        assertThat(decide(id, "reject", ops, "改判").getStatus())
                .as("a decided appeal is not decided again")
                .isEqualTo(409);
        awaitAudit("RISK_APPEAL_FILED", iccid);
        awaitAudit("RISK_APPEAL_GRANTED", iccid);
        awaitAudit("CARD_RESUMED", iccid);
    }

    @Test
    void aGrantedAppealLeavesTheCardSuspendedWhileAnotherReasonBlocksIt() throws Exception {
        String iccid = separatedCard();
        RunAs.run(ops, () -> risk.cards.cards.suspend(iccid, "欠费核查中"));
        long id = filed(contest(iccid, agent, "MACHINE_CARD_SEPARATION", "代理商已现场核实设备"));

        assertThat(decide(id, "grant", ops, "设备核实无误").getStatus()).isEqualTo(200);
        assertThat(risk.cards.view(iccid).state()).isEqualTo(CardState.SUSPENDED);
        assertThat(activeReasons(iccid)).containsExactly(BlockingReason.OPS_ACTION);
    }

    @Test
    void aRejectedAppealKeepsTheSuspensionAndOneAppealIsOpenPerCardAndReason() throws Exception {
        String iccid = separatedCard();
        long id = filed(contest(iccid, admin, "MACHINE_CARD_SEPARATION", "我们没有换设备"));

        MockHttpServletResponse twice = contest(iccid, agent, "MACHINE_CARD_SEPARATION", "再次申诉");
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(twice.getContentAsString()).contains("DUPLICATE");
        long cardId = risk.cards.cardId(iccid);
        assertThatThrownBy(() -> risk.jdbc.sql("""
                                INSERT INTO risk_appeal (card_id, reason, statement, status, filed_by, filed_role, filed_at)
                                VALUES (?, 'MACHINE_CARD_SEPARATION', 'second', 'OPEN', 'x', 'AGENT', now())""").params(cardId).update())
                .as("the database holds one open appeal per card and reason")
                .isInstanceOf(DuplicateKeyException.class);

        MockHttpServletResponse rejected = decide(id, "reject", ops, "使用记录显示为手机终端");
        assertThat(rejected.getStatus()).isEqualTo(200);
        assertThat(rejected.getContentAsString()).contains("\"status\":\"REJECTED\"", "\"cardState\":\"SUSPENDED\"");
        assertThat(activeReasons(iccid)).containsExactly(BlockingReason.MACHINE_CARD_SEPARATION);
        awaitAudit("RISK_APPEAL_REJECTED", iccid);

        assertThat(filed(contest(iccid, admin, "MACHINE_CARD_SEPARATION", "补充了维修发票")))
                .as("after a decision, a new appeal may be filed")
                .isGreaterThan(id);
    }

    @Test
    void badInputNamesItsFieldAndOnlyTheCustomerOfTheCardMayContest() throws Exception {
        String iccid = separatedCard();

        MockHttpServletResponse shortStatement = contest(iccid, admin, "MACHINE_CARD_SEPARATION", "x");
        assertThat(shortStatement.getStatus()).isEqualTo(400);
        assertThat(shortStatement.getContentAsString()).contains("\"field\":\"statement\"");
        MockHttpServletResponse notAppealable = contest(iccid, admin, "UNVERIFIED", "实名已补全");
        assertThat(notAppealable.getStatus()).isEqualTo(400);
        assertThat(notAppealable.getContentAsString()).contains("\"field\":\"reason\"");
        MockHttpServletResponse notCarried = contest(iccid, admin, "RISK_REVERIFICATION_OVERDUE", "没有逾期");
        assertThat(notCarried.getStatus()).isEqualTo(409);
        assertThat(notCarried.getContentAsString()).contains("ILLEGAL_STATE_TRANSITION");

        long otherAgent = CardFixtures.newAgent();
        long otherEnterprise = risk.cards.verifiedEnterprise(otherAgent);
        long sibling = risk.cards.verifiedEnterprise(agentId);
        for (Actor intruder : List.of(
                CardFixtures.agent(otherAgent),
                CardFixtures.enterpriseAdmin(otherEnterprise),
                CardFixtures.enterpriseAdmin(sibling))) {
            assertThat(contest(iccid, intruder, "MACHINE_CARD_SEPARATION", "不是我的卡")
                            .getStatus())
                    .as("another tenant's card")
                    .isEqualTo(404);
        }
        assertThat(contest(iccid, ops, "MACHINE_CARD_SEPARATION", "运营代申诉").getStatus())
                .isEqualTo(403);
        assertThat(contest(iccid, ActorAuthentication.actor(Role.ADMIN, null, null), "MACHINE_CARD_SEPARATION", "管理员")
                        .getStatus())
                .isEqualTo(403);

        long id = filed(contest(iccid, admin, "MACHINE_CARD_SEPARATION", "设备送修"));
        assertThat(call(MockMvcRequestBuilders.get("/api/v1/risk/appeals/" + id), agent)
                        .getStatus())
                .isEqualTo(200);
        assertThat(call(MockMvcRequestBuilders.get("/api/v1/cards/" + iccid + "/appeals"), agent)
                        .getContentAsString())
                .contains("\"id\":" + id);
        for (Actor intruder : List.of(CardFixtures.agent(otherAgent), CardFixtures.enterpriseAdmin(sibling))) {
            assertThat(call(MockMvcRequestBuilders.get("/api/v1/risk/appeals/" + id), intruder)
                            .getStatus())
                    .isEqualTo(404);
            assertThat(call(MockMvcRequestBuilders.get("/api/v1/cards/" + iccid + "/appeals"), intruder)
                            .getStatus())
                    .isEqualTo(404);
            assertThat(call(MockMvcRequestBuilders.get("/api/v1/risk/appeals"), intruder)
                            .getContentAsString())
                    .doesNotContain(iccid);
        }
        assertThat(decide(id, "grant", admin, "自己批准").getStatus()).isEqualTo(403);
        assertThat(decide(id, "reject", agent, "自己驳回").getStatus()).isEqualTo(403);
        assertThat(call(MockMvcRequestBuilders.post("/api/v1/risk/appeals/" + id + "/claim"), agent)
                        .getStatus())
                .isEqualTo(403);
        MockHttpServletResponse noReason = decide(id, "reject", ops, " ");
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(noReason.getContentAsString()).contains("\"field\":\"reason\"");
        assertThat(activeReasons(iccid)).containsExactly(BlockingReason.MACHINE_CARD_SEPARATION);
    }

    void awaitAudit(String action, String iccid) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> risk.jdbc
                                .sql("SELECT count(*) FROM audit_entry WHERE action = ? AND target_type = 'CARD'"
                                        + " AND target_id = ?")
                                .params(action, iccid)
                                .query(Long.class)
                                .single()
                        > 0);
    }
}
