package com.realsim.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.catalogue.ServiceDirection;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The card module's Partner API: who may call what (403 for the wrong role), another tenant's card (404), field
 * errors that name the field and the rule, and the contract's answers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CardApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CardService cards;

    @Autowired
    ServicePlanService plans;

    CardFixtures fx;

    /**
     * A tenant no fixture creates: the cards' real-name must find its enterprise missing (ids like 70 are taken by
     * enterprises other test classes register in the same database).
     */
    static final long NO_SUCH_AGENT = 900_000_007L;

    static final long NO_SUCH_ENTERPRISE = 900_000_070L;

    static final Actor AGENT_7 = ActorAuthentication.actor(Role.AGENT, NO_SUCH_AGENT, null);
    static final Actor AGENT_8 = ActorAuthentication.actor(Role.AGENT, 8L, null);
    static final Actor ENTERPRISE_70 = ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, NO_SUCH_ENTERPRISE);
    static final Actor ENTERPRISE_80 = ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, 80L);

    @BeforeEach
    void inventory() {
        fx = new CardFixtures(context);
    }

    // --- service plans (ADMIN) ------------------------------------------------------------------------------------

    @Test
    void anAdministratorCreatesAServicePlan() {
        assertThat(mvc.post()
                        .uri("/api/v1/service-plans")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "api-voice-149", "name": "149 voice", "dataDirectional": true,
                                 "voice": "DIRECTIONAL", "sms": "NONE", "testPackage": false, "imeiBinding": true}""")
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("API-VOICE-149");
        assertThat(plans.plan("API-VOICE-149")).hasValueSatisfying(plan -> {
            assertThat(plan.voice()).isEqualTo(ServiceDirection.DIRECTIONAL);
            assertThat(plan.imeiBinding()).isTrue();
            assertThat(plan.testPeriodDays()).as("the default").isEqualTo(90);
        });
    }

    @Test
    void aTestPackagesTestPeriodIsGivenInDaysWithinBounds() {
        assertThat(mvc.post()
                        .uri("/api/v1/service-plans")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "API-TEST-30", "name": "30-day test", "dataDirectional": false,
                                 "voice": "NONE", "sms": "NONE", "testPackage": true, "imeiBinding": false,
                                 "testPeriodDays": 30}""")
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.testPeriodDays")
                .isEqualTo(30);
        assertThat(mvc.post()
                        .uri("/api/v1/service-plans")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "API-TEST-0", "name": "no test", "dataDirectional": false,
                                 "voice": "NONE", "sms": "NONE", "testPackage": true, "imeiBinding": false,
                                 "testPeriodDays": 0}""")
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("testPeriodDays");
        assertThat(plans.plan("API-TEST-0")).isEmpty();
    }

    @Test
    void onlyAdministratorsCreateServicePlans() {
        for (Role role : List.of(Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN)) {
            assertThat(mvc.post()
                            .uri("/api/v1/service-plans")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"code": "SNEAKY", "name": "x", "dataDirectional": true, "voice": "NONE",
                                     "sms": "NONE", "testPackage": false, "imeiBinding": false}""")
                            .with(ActorAuthentication.as(role)))
                    .hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(plans.plan("SNEAKY")).isEmpty();
    }

    @Test
    void aServicePlanWithMissingOrBadFieldsNamesEachFieldAndRule() {
        var answer = assertThat(mvc.post()
                        .uri("/api/v1/service-plans")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"\", \"name\": \"x\", \"dataDirectional\": true, \"sms\": \"NONE\","
                                + " \"testPackage\": false, \"imeiBinding\": false}")
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson();
        answer.extractingPath("$.code").isEqualTo("VALIDATION_FAILED");
        answer.extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("code", "voice");

        assertThat(mvc.post()
                        .uri("/api/v1/service-plans")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "has space", "name": "x", "dataDirectional": true, "voice": "NONE",
                                 "sms": "NONE", "testPackage": false, "imeiBinding": false}""")
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("code");

        assertThat(mvc.post()
                        .uri("/api/v1/service-plans")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "X1", "name": "x", "dataDirectional": true, "voice": "LOUD",
                                 "sms": "NONE", "testPackage": false, "imeiBinding": false}""")
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void administratorsListPlansAndOperatorLimits() {
        assertThat(mvc.get().uri("/api/v1/service-plans").with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$")
                .asArray()
                .isNotNull();
        assertThat(mvc.get().uri("/api/v1/operators").with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].operator")
                .asArray()
                .containsExactlyInAnyOrder("CHINA_MOBILE", "CHINA_UNICOM", "CHINA_TELECOM", "CHINA_BROADNET");
        assertThat(mvc.get().uri("/api/v1/operators").with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/service-plans").with(ActorAuthentication.as(Role.AGENT)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    // --- operators (ADMIN) ----------------------------------------------------------------------------------------

    @Test
    void anAdministratorSetsAnOperatorsLimitWithinBounds() {
        assertThat(mvc.put()
                        .uri("/api/v1/operators/CHINA_BROADNET/quota")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"maxCardsPerId\": 3}")
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.maxCardsPerId")
                .isEqualTo(3);
        assertThat(mvc.put()
                        .uri("/api/v1/operators/CHINA_BROADNET/quota")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"maxCardsPerId\": 0}")
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("maxCardsPerId");
        assertThat(mvc.put()
                        .uri("/api/v1/operators/CHINA_SATELLITE/quota")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"maxCardsPerId\": 5}")
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("operator");
        assertThat(mvc.put()
                        .uri("/api/v1/operators/CHINA_BROADNET/quota")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"maxCardsPerId\": 9}")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.put()
                        .uri("/api/v1/operators/CHINA_BROADNET/quota")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"maxCardsPerId\": 5}")
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk();
    }

    @Test
    void anAdministratorSetsAnOperatorsSilentPeriodWithinBounds() {
        assertThat(mvc.put()
                        .uri("/api/v1/operators/CHINA_UNICOM/silent-period")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"silentPeriodDays\": 366}")
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("silentPeriodDays");
        assertThat(mvc.put()
                        .uri("/api/v1/operators/CHINA_UNICOM/silent-period")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"silentPeriodDays\": 120}")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.put()
                        .uri("/api/v1/operators/CHINA_UNICOM/silent-period")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"silentPeriodDays\": 120}")
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.silentPeriodDays")
                .isEqualTo(120);
        assertThat(mvc.put()
                        .uri("/api/v1/operators/CHINA_UNICOM/silent-period")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"silentPeriodDays\": 180}")
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk();
    }

    // --- import (OPS) ---------------------------------------------------------------------------------------------

    @Test
    void opsImportsACsvBodyAndHearsWhichLinesWereRejected() {
        String plan = fx.directionalDataPlan();
        String good = CardFixtures.iccid();
        String csv = "iccid,msisdn,imsi,operator,planCode\n"
                + CardFixtures.row(good, CardFixtures.msisdn("149"), "CHINA_MOBILE", plan) + "\n"
                + CardFixtures.row("8986000000000000001", CardFixtures.msisdn("149"), "CHINA_MOBILE", plan) + "\n"
                + CardFixtures.row(good, CardFixtures.msisdn("149"), "CHINA_MOBILE", plan) + "\n";
        var answer = assertThat(mvc.post()
                        .uri("/api/v1/cards/import")
                        .contentType("text/csv")
                        .header("Accept-Language", "en")
                        .content(csv)
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .bodyJson();
        answer.extractingPath("$.imported").isEqualTo(1);
        answer.extractingPath("$.rejected[0].line").isEqualTo(3);
        answer.extractingPath("$.rejected[0].code").isEqualTo("INVALID_ICCID");
        answer.extractingPath("$.rejected[0].field").isEqualTo("iccid");
        answer.extractingPath("$.rejected[0].message").asString().contains("Luhn");
        answer.extractingPath("$.rejected[1].line").isEqualTo(4);
        answer.extractingPath("$.rejected[1].code").isEqualTo("DUPLICATE_ICCID");
    }

    @Test
    void onlyOpsImportAndOnlyCsv() {
        for (Role role : List.of(Role.ADMIN, Role.AGENT, Role.ENTERPRISE_ADMIN)) {
            assertThat(mvc.post()
                            .uri("/api/v1/cards/import")
                            .contentType("text/csv")
                            .content("iccid,msisdn,imsi,operator,planCode\n")
                            .with(ActorAuthentication.as(role)))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.post()
                        .uri("/api/v1/cards/import")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[]")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(mvc.post()
                        .uri("/api/v1/cards/import")
                        .contentType("text/csv")
                        .content("no,header,here\n")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("file");
    }

    // --- cards (OPS all; AGENT and ENTERPRISE_ADMIN their own) ----------------------------------------------------

    @Test
    void aCardAnswersPerContractToEveryoneWhoMaySeeIt() {
        String iccid = fx.enterpriseCard(NO_SUCH_AGENT, NO_SUCH_ENTERPRISE);
        for (Actor actor : List.of(CardFixtures.OPS, AGENT_7, ENTERPRISE_70)) {
            var answer = assertThat(
                            mvc.get().uri("/api/v1/cards/{iccid}", iccid).with(ActorAuthentication.as(actor)))
                    .hasStatusOk()
                    .bodyJson();
            answer.extractingPath("$.iccid").isEqualTo(iccid);
            answer.extractingPath("$.operator").isEqualTo("CHINA_MOBILE");
            answer.extractingPath("$.planCode").isEqualTo("T-DATA-DIR");
            answer.extractingPath("$.state").isEqualTo("PENDING_ACTIVATION");
            answer.extractingPath("$.blockingReasons").asArray().isEmpty();
            answer.extractingPath("$.realName.requirement").isEqualTo("DIRECTIONAL_DATA_ONLY");
            answer.extractingPath("$.realName.satisfied").isEqualTo(false);
            answer.extractingPath("$.realName.missing").asArray().contains("ENTERPRISE_NOT_VERIFIED");
        }
    }

    @Test
    void anotherTenantsCardIsNotFoundAndAdministratorsDoNotUseCards() {
        String iccid = fx.enterpriseCard(NO_SUCH_AGENT, NO_SUCH_ENTERPRISE);
        for (Actor stranger : List.of(AGENT_8, ENTERPRISE_80)) {
            assertThat(mvc.get().uri("/api/v1/cards/{iccid}", iccid).with(ActorAuthentication.as(stranger)))
                    .hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("NOT_FOUND");
            assertThat(mvc.post()
                            .uri("/api/v1/cards/{iccid}/suspend", iccid)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\": \"not mine\"}")
                            .with(ActorAuthentication.as(stranger)))
                    .hasStatus(HttpStatus.NOT_FOUND);
        }
        assertThat(mvc.get()
                        .uri("/api/v1/cards/{iccid}", "89860000000000000000")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/cards/{iccid}", iccid).with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/cards").with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void anAgentListsOnlyItsOwnCardsPageByPage() throws Exception {
        long agent = 900 + System.nanoTime() % 1000;
        Actor me = ActorAuthentication.actor(Role.AGENT, agent, null);
        String first = fx.enterpriseCard(agent, 91L);
        String second = fx.enterpriseCard(agent, 92L);
        fx.enterpriseCard(agent + 1, 93L);

        var page1 = assertThat(mvc.get().uri("/api/v1/cards?size=1").with(ActorAuthentication.as(me)))
                .hasStatusOk()
                .bodyJson();
        page1.extractingPath("$.items[*].iccid").asArray().containsExactly(second);
        String cursor = com.jayway.jsonpath.JsonPath.read(
                mvc.get()
                        .uri("/api/v1/cards?size=1")
                        .with(ActorAuthentication.as(me))
                        .exchange()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8),
                "$.nextCursor");
        var page2 = assertThat(
                        mvc.get().uri("/api/v1/cards?size=1&cursor={c}", cursor).with(ActorAuthentication.as(me)))
                .hasStatusOk()
                .bodyJson();
        page2.extractingPath("$.items[*].iccid").asArray().containsExactly(first);
        page2.extractingPath("$.nextCursor").isNull();

        assertThat(mvc.get().uri("/api/v1/cards?enterpriseId=91").with(ActorAuthentication.as(me)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].iccid")
                .asArray()
                .containsExactly(first);
        assertThat(mvc.get().uri("/api/v1/cards?state=ACTIVE").with(ActorAuthentication.as(me)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items")
                .asArray()
                .isEmpty();
        assertThat(mvc.get().uri("/api/v1/cards?q={q}", first).with(ActorAuthentication.as(me)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].iccid")
                .asArray()
                .containsExactly(first);
    }

    @Test
    void badListParametersNameTheirField() {
        assertThat(mvc.get().uri("/api/v1/cards?cursor=%%%").with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("cursor");
        assertThat(mvc.get().uri("/api/v1/cards?size=0").with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("size");
        assertThat(mvc.get().uri("/api/v1/cards?q=abc").with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("q");
        assertThat(mvc.get().uri("/api/v1/cards?state=SLEEPING").with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("state");
    }

    @Test
    void suspendResumeAndCancelFollowTheStackOfReasons() {
        CardFixtures fx = new CardFixtures(context);
        long agentId = CardFixtures.newAgent();
        long enterpriseId = fx.verifiedEnterprise(agentId);
        String iccid = fx.activeDataCard(agentId, enterpriseId);
        Actor agent = CardFixtures.agent(agentId);
        Actor enterprise = CardFixtures.enterpriseAdmin(enterpriseId);

        var suspended = assertThat(mvc.post()
                        .uri("/api/v1/cards/{iccid}/suspend", iccid)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"device stolen\"}")
                        .with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyJson();
        suspended.extractingPath("$.state").isEqualTo("SUSPENDED");
        suspended.extractingPath("$.blockingReasons[0].code").isEqualTo("CUSTOMER_REQUEST");
        suspended.extractingPath("$.blockingReasons[0].clearedBy").isEqualTo("CUSTOMER_RESUME");

        assertThat(mvc.post()
                        .uri("/api/v1/cards/{iccid}/suspend", iccid)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"checking\"}")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.blockingReasons[*].code")
                .asArray()
                .containsExactly("CUSTOMER_REQUEST", "OPS_ACTION");

        var blocked = assertThat(mvc.post()
                        .uri("/api/v1/cards/{iccid}/resume", iccid)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"found it\"}")
                        .with(ActorAuthentication.as(enterprise)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson();
        blocked.extractingPath("$.code").isEqualTo("BLOCKED");
        blocked.extractingPath("$.reasons").asArray().containsExactly("OPS_ACTION");

        // the customer's own reason is cleared all the same; the operator's stays
        assertThat(mvc.get().uri("/api/v1/cards/{iccid}", iccid).with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.blockingReasons[*].code")
                .asArray()
                .containsExactly("OPS_ACTION");
        assertThat(mvc.post()
                        .uri("/api/v1/cards/{iccid}/resume", iccid)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"again\"}")
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("BLOCKED");

        assertThat(mvc.post()
                        .uri("/api/v1/cards/{iccid}/resume", iccid)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"checked\"}")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("ACTIVE");

        assertThat(mvc.post()
                        .uri("/api/v1/cards/{iccid}/cancel", iccid)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"contract ended\"}")
                        .with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("CANCELLED");
        assertThat(mvc.post()
                        .uri("/api/v1/cards/{iccid}/suspend", iccid)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"too late\"}")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("ILLEGAL_STATE_TRANSITION");
    }

    @Test
    void anActionWithoutAReasonNamesTheField() {
        CardFixtures fx = new CardFixtures(context);
        long agentId = CardFixtures.newAgent();
        long enterpriseId = fx.verifiedEnterprise(agentId);
        String iccid = fx.activeDataCard(agentId, enterpriseId);
        Actor agent = CardFixtures.agent(agentId);
        Actor enterprise = CardFixtures.enterpriseAdmin(enterpriseId);
        assertThat(mvc.post()
                        .uri("/api/v1/cards/{iccid}/suspend", iccid)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"  \"}")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("reason");
        assertThat(mvc.post()
                        .uri("/api/v1/cards/{iccid}/resume", iccid)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"nothing to resume\"}")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("ILLEGAL_STATE_TRANSITION");
    }
}
