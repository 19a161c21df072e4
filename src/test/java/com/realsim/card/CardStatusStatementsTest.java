package com.realsim.card;

import static com.realsim.card.CardFixtures.agent;
import static com.realsim.card.CardFixtures.enterpriseAdmin;
import static com.realsim.card.CardFixtures.newAgent;
import static com.realsim.card.CardFixtures.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.approval.ExceptionKind;
import com.realsim.approval.ExceptionService;
import com.realsim.approval.ExceptionView;
import com.realsim.platform.Actor;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.StatementLog;
import com.realsim.testsupport.TestFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The card-status read ({@code GET /api/v1/cards/{iccid}}) is one SQL statement: the card in the caller's tenant scope,
 * its blocking reasons, its current end user (masked), its approved exception and its enterprise's standing, from
 * which the real-name requirement and what is missing are judged. Counted with datasource-proxy ({@link
 * StatementLog}: every statement the request's thread sends, JPA or not), after one warm-up read that fills the
 * instance's caches (plans, real-name rules, whether the agent is still active); their TTLs are long here so that no
 * refresh (one statement per TTL and instance, not per read) falls into the counted read on a slow machine.
 */
@SpringBootTest(properties = {"realsim.agents.qualification-check-ttl=10m", "realsim.card.rules-ttl=10m"})
@AutoConfigureMockMvc
@Import({CardTestConfiguration.class, StatementLog.Installed.class})
class CardStatusStatementsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ExceptionService exceptions;

    @Autowired
    CardService cards;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StatementLog statements;

    @Test
    void aCardWithReasonsAnEndUserAnExceptionAndAnEnterpriseIsReadInOneStatement() {
        CardFixtures fx = new CardFixtures(context);
        long agentId = newAgent();
        long enterpriseId = fx.verifiedEnterprise(agentId);
        Actor agent = agent(agentId);
        // a 138 number on non-directional data needs its end user; a provincial approval waives it
        String iccid = fx.enterpriseCard(agentId, enterpriseId, "138", fx.nonDirectionalDataPlan());
        ExceptionView requested = RunAs.run(
                agent, () -> exceptions.request(iccid, ExceptionKind.PROVINCIAL_APPROVAL, "meters in substations"));
        RunAs.run(agent, () -> exceptions.attachDocument(requested.id(), TestFiles.pdf()));
        RunAs.run(CardFixtures.OPS, () -> exceptions.approve(requested.id(), "signed by the deputy GM"));
        fx.bind(agentId, iccid, newIdentity());
        fx.activate(iccid);
        RunAs.run(CardFixtures.OPS, () -> cards.suspend(iccid, "meter tampering reported"));
        RunAs.run(agent, () -> cards.suspend(iccid, "customer on holiday"));
        // the customer's reason is cleared; the operator's keeps the card suspended (answered as CardStillBlocked)
        assertThatThrownBy(() -> RunAs.run(agent, () -> cards.resume(iccid, "customer back")))
                .isInstanceOf(CardStillBlocked.class);

        for (Actor reader : List.of(agent, enterpriseAdmin(enterpriseId), CardFixtures.OPS)) {
            MvcTestResult answer = readInOneStatement(iccid, reader);
            assertThat(answer).hasStatusOk();
            assertThat(answer).bodyJson().extractingPath("$.iccid").isEqualTo(iccid);
            assertThat(answer).bodyJson().extractingPath("$.state").isEqualTo("SUSPENDED");
            assertThat(answer)
                    .bodyJson()
                    .extractingPath("$.blockingReasons[*].code")
                    .isEqualTo(List.of("OPS_ACTION"));
            assertThat(answer).bodyJson().extractingPath("$.endUser.name").isEqualTo("王*明");
            assertThat(answer).bodyJson().extractingPath("$.endUser.status").isEqualTo("BOUND");
            assertThat(answer)
                    .bodyJson()
                    .extractingPath("$.realName.approvedException.id")
                    .isEqualTo((int) requested.id());
            assertThat(answer)
                    .bodyJson()
                    .extractingPath("$.realName.approvedException.waivesEndUser")
                    .isEqualTo(true);
            assertThat(answer)
                    .bodyJson()
                    .extractingPath("$.realName.endUserRequired")
                    .isEqualTo(true);
            assertThat(answer).bodyJson().extractingPath("$.realName.satisfied").isEqualTo(true);
            assertThat(answer).bodyJson().extractingPath("$.realName.missing").isEqualTo(List.of());
        }
        assertThat(readInOneStatement(iccid, agent(newAgent()))).hasStatus(404);
        assertThat(readInOneStatement(iccid, enterpriseAdmin(enterpriseId + 1_000_000)))
                .hasStatus(404);
    }

    @Test
    void aCardMissingItsEndUserAndItsEnterprisesStandingIsReadInOneStatement() {
        CardFixtures fx = new CardFixtures(context);
        long agentId = newAgent();
        long draft = fx.draftEnterprise(agentId);
        String iccid = fx.enterpriseCard(agentId, draft, "138", fx.nonDirectionalDataPlan());

        MvcTestResult answer = readInOneStatement(iccid, agent(agentId));
        assertThat(answer).hasStatusOk();
        assertThat(answer).bodyJson().extractingPath("$.state").isEqualTo("PENDING_ACTIVATION");
        assertThat(answer).bodyJson().extractingPath("$.realName.satisfied").isEqualTo(false);
        assertThat(answer)
                .bodyJson()
                .extractingPath("$.realName.missing")
                .asArray()
                .contains("ENTERPRISE_NOT_VERIFIED", "END_USER_REQUIRED");
        assertThat(answer).bodyJson().extractingPath("$.endUser").isNull();
        assertThat(answer)
                .bodyJson()
                .extractingPath("$.realName.approvedException")
                .isNull();
    }

    /**
     * More concurrent reads than the pool has connections (12 in tests) all answer: the read returns its connection
     * before it asks anything that may need one (a plan, the rules), so no read holds one while waiting for another.
     */
    @Test
    void moreConcurrentReadsThanConnectionsAllAnswer() throws Exception {
        CardFixtures fx = new CardFixtures(context);
        long agentId = newAgent();
        long enterpriseId = fx.verifiedEnterprise(agentId);
        List<String> iccids = fx.enterpriseCards(8, "138", fx.nonDirectionalDataPlan(), agentId, enterpriseId);
        ExecutorService readers = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 96; i++) {
                String iccid = iccids.get(i % iccids.size());
                answers.add(readers.submit(
                        () -> read(iccid, agent(agentId)).getResponse().getStatus()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            readers.shutdownNow();
        }
    }

    /** Reads the card once to fill the caches, then again counting what the request's thread sends. */
    private MvcTestResult readInOneStatement(String iccid, Actor reader) {
        read(iccid, reader);
        statements.clear();
        MvcTestResult answer = read(iccid, reader);
        List<String> sent = statements.onThisThread();
        assertThat(sent)
                .as("statements of GET /api/v1/cards/%s as %s", iccid, reader.role())
                .hasSize(1);
        assertThat(sent.get(0)).contains("FROM card c");
        return answer;
    }

    private MvcTestResult read(String iccid, Actor reader) {
        return mvc.get()
                .uri("/api/v1/cards/{iccid}", iccid)
                .with(ActorAuthentication.as(reader))
                .exchange();
    }
}
