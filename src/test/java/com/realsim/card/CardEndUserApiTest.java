package com.realsim.card;

import static com.realsim.card.CardFixtures.agent;
import static com.realsim.card.CardFixtures.enterpriseAdmin;
import static com.realsim.card.CardFixtures.newAgent;
import static com.realsim.card.CardFixtures.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.realsim.identity.IdDocument;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.DatabaseOwner;
import com.realsim.testsupport.RawTable;
import com.realsim.testsupport.TestFiles;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The Partner API of a card's end user and activation: who may call what (403), another tenant's ICCID (404), field
 * errors named as the body names them, the quota refusal and the contract's answers.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
class CardEndUserApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient sql;

    CardFixtures fx;
    long agentId;
    long enterpriseId;
    Actor agent;

    @BeforeEach
    void fixtures() {
        fx = new CardFixtures(context);
        agentId = newAgent();
        enterpriseId = fx.verifiedEnterprise(agentId);
        agent = agent(agentId);
    }

    String card() {
        return fx.enterpriseCard(agentId, enterpriseId, "138", fx.nonDirectionalDataPlan());
    }

    static String body(IdDocument identity) {
        return """
                {"name": "王小明", "idType": "RESIDENT_ID", "idNumber": "%s", "idAddress": "北京市东城区东华门街道 1 号"}""".formatted(identity.number().toLowerCase());
    }

    MvcTestResult put(String iccid, String body, Actor actor) {
        return mvc.put()
                .uri("/api/v1/cards/{iccid}/end-user", iccid)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(ActorAuthentication.as(actor))
                .exchange();
    }

    MvcTestResult upload(String iccid, String kind, byte[] content, Actor actor) {
        return mvc.post()
                .uri("/api/v1/cards/{iccid}/end-user/documents", iccid)
                .multipart()
                .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", content))
                .param("kind", kind)
                .with(ActorAuthentication.as(actor))
                .exchange();
    }

    MvcTestResult post(String path, String iccid, Actor actor) {
        return mvc.post().uri(path, iccid).with(ActorAuthentication.as(actor)).exchange();
    }

    // --- PUT /end-user --------------------------------------------------------------------------------------------

    @Test
    void anAgentBindsTheEndUserAndTheCardAnswersWithItMasked() throws Exception {
        String iccid = card();
        IdDocument person = newIdentity();

        var answer = assertThat(put(iccid, body(person), agent)).hasStatusOk().bodyJson();
        answer.extractingPath("$.iccid").isEqualTo(iccid);
        answer.extractingPath("$.endUser.name").isEqualTo("王*明");
        answer.extractingPath("$.endUser.idType").isEqualTo("RESIDENT_ID");
        answer.extractingPath("$.endUser.idNumber").isEqualTo(person.masked());
        answer.extractingPath("$.endUser.idAddress").isEqualTo("北京市****");
        answer.extractingPath("$.endUser.status").isEqualTo("BOUND");
        answer.extractingPath("$.endUser.missingPhotos").asArray().containsExactly("ID_FRONT", "ID_BACK", "LIVE_PHOTO");
        answer.extractingPath("$.realName.requirement").isEqualTo("NON_DIRECTIONAL_DATA");
        answer.extractingPath("$.realName.satisfied").isEqualTo(false);
        answer.extractingPath("$.realName.missing").asArray().containsExactly("END_USER_NOT_VERIFIED");
        assertThat(put(iccid, body(person), agent).getResponse().getContentAsString())
                .doesNotContain(person.number());

        for (Actor reader : List.of(CardFixtures.OPS, enterpriseAdmin(enterpriseId))) {
            assertThat(mvc.get().uri("/api/v1/cards/{iccid}", iccid).with(ActorAuthentication.as(reader)))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.endUser.idNumber")
                    .isEqualTo(person.masked());
        }
    }

    @Test
    void badEndUserFieldsAreNamedWithTheirRule() {
        String iccid = card();
        var answer = assertThat(put(iccid, """
                        {"name": "", "idType": "RESIDENT_ID", "idNumber": "110101199003070000", "idAddress": "x"}""", agent))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson();
        answer.extractingPath("$.errors[*].field").asArray().contains("name", "idNumber");
        answer.extractingPath("$.errors[?(@.field == 'idNumber')].code")
                .asArray()
                .containsExactly("INVALID_ID_NUMBER");

        assertThat(put(iccid, """
                        {"name": "王小明", "idType": "DRIVING_LICENCE", "idNumber": "1", "idAddress": "x"}""", agent))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("idType");
        assertThat(fx.view(iccid).endUser()).isNull();
    }

    @Test
    void theSixthCardOfAnIdentityAtAnOperatorAnswersQuotaExceededWithOperatorAndLimit() {
        IdDocument person = newIdentity();
        for (int i = 0; i < 5; i++) {
            assertThat(put(card(), body(person), agent)).hasStatusOk();
        }
        String sixth = card();
        var answer = assertThat(put(sixth, body(person), agent))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson();
        answer.extractingPath("$.code").isEqualTo("QUOTA_EXCEEDED");
        answer.extractingPath("$.operator").isEqualTo("CHINA_MOBILE");
        answer.extractingPath("$.limit").isEqualTo(5);
        assertThat(fx.view(sixth).endUser()).isNull();
    }

    @Test
    void onlyAgentsBindEndUsersAndOnlyOnTheirOwnCards() {
        String iccid = card();
        for (Actor refused : List.of(
                CardFixtures.OPS, enterpriseAdmin(enterpriseId), ActorAuthentication.actor(Role.ADMIN, null, null))) {
            assertThat(put(iccid, body(newIdentity()), refused))
                    .hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(put(iccid, body(newIdentity()), agent(newAgent())))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("NOT_FOUND");
        assertThat(fx.view(iccid).endUser()).isNull();
    }

    // --- POST /end-user/documents ---------------------------------------------------------------------------------

    @Test
    void theThreePhotosOpenTheEndUsersVerification() {
        String iccid = card();
        put(iccid, body(newIdentity()), agent);

        assertThat(upload(iccid, "ID_FRONT", TestFiles.jpeg(), agent))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.kind")
                .isEqualTo("ID_FRONT");
        assertThat(upload(iccid, "ID_BACK", TestFiles.png(), agent)).hasStatus(HttpStatus.CREATED);
        var last = assertThat(upload(iccid, "LIVE_PHOTO", TestFiles.jpeg(), agent))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson();
        last.extractingPath("$.verificationCaseId").isNotNull();
        last.extractingPath("$.status").isEqualTo("BOUND");

        assertThat(upload(iccid, "LIVE_PHOTO", TestFiles.jpeg(), agent))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("ILLEGAL_STATE_TRANSITION");
        assertThat(fx.view(iccid).endUser().verificationCaseId()).isNotNull();
    }

    @Test
    void photosNeedAKnownKindAnImageAnEndUserAndTheCardsAgent() {
        String iccid = card();
        assertThat(upload(iccid, "ID_FRONT", TestFiles.jpeg(), agent))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("ILLEGAL_STATE_TRANSITION");
        put(iccid, body(newIdentity()), agent);
        assertThat(upload(iccid, "SELFIE", TestFiles.jpeg(), agent))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("kind");
        assertThat(upload(iccid, "ID_FRONT", "MZ not an image".getBytes(), agent))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        for (Actor refused : List.of(CardFixtures.OPS, enterpriseAdmin(enterpriseId))) {
            assertThat(upload(iccid, "ID_FRONT", TestFiles.jpeg(), refused)).hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(upload(iccid, "ID_FRONT", TestFiles.jpeg(), agent(newAgent())))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(fx.view(iccid).endUser().missingPhotos()).hasSize(3);
    }

    // --- POST /self-service-link ----------------------------------------------------------------------------------

    @Test
    void theCardsAgentAndEnterpriseAdminCreateSelfServiceLinks() {
        String iccid = card();
        for (Actor creator : List.of(agent, enterpriseAdmin(enterpriseId))) {
            var answer = assertThat(post("/api/v1/cards/{iccid}/self-service-link", iccid, creator))
                    .hasStatus(HttpStatus.CREATED)
                    .bodyJson();
            answer.extractingPath("$.url").asString().matches("http://localhost:8080/s/[A-Za-z0-9_-]{43}");
            answer.extractingPath("$.expiresAt").isNotNull();
        }
        assertThat(post("/api/v1/cards/{iccid}/self-service-link", iccid, CardFixtures.OPS))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post("/api/v1/cards/{iccid}/self-service-link", iccid, agent(newAgent())))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("/api/v1/cards/{iccid}/self-service-link", iccid, enterpriseAdmin(enterpriseId + 77_777)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aSelfServiceLinkIsAnsweredOnceARepeatWithTheSameKeyGets409AndTheLinkIsNeverStored() throws Exception {
        String iccid = card();
        String key = "link-" + iccid;

        var first = mvc.post()
                .uri("/api/v1/cards/{iccid}/self-service-link", iccid)
                .header("Idempotency-Key", key)
                .with(ActorAuthentication.as(agent))
                .exchange();
        var repeat = mvc.post()
                .uri("/api/v1/cards/{iccid}/self-service-link", iccid)
                .header("Idempotency-Key", key)
                .with(ActorAuthentication.as(agent))
                .exchange();

        assertThat(first).hasStatus(HttpStatus.CREATED);
        String url = JsonPath.read(first.getResponse().getContentAsString(), "$.url");
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(repeat)
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("IDEMPOTENT_ANSWER_NOT_REPEATED");
        assertThat(repeat.getResponse().getContentAsString()).doesNotContain(token);
        assertThat(RawTable.contains(DatabaseOwner.sql(context.getEnvironment()), "idempotency_record", token))
                .isFalse();
        assertThat(RawTable.contains(DatabaseOwner.sql(context.getEnvironment()), "idempotency_record", key))
                .as("control")
                .isTrue();
    }

    // --- POST /activate -------------------------------------------------------------------------------------------

    @Test
    void activationAnswersWhatIsMissingUntilTheRealNameIsComplete() {
        String iccid = card();
        var refused = assertThat(post("/api/v1/cards/{iccid}/activate", iccid, agent))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson();
        refused.extractingPath("$.code").isEqualTo("REAL_NAME_INCOMPLETE");
        refused.extractingPath("$.missing").asArray().containsExactly("END_USER_REQUIRED");

        IdDocument person = newIdentity();
        fx.bind(agentId, iccid, person);
        assertThat(post("/api/v1/cards/{iccid}/activate", iccid, enterpriseAdmin(enterpriseId)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.missing")
                .asArray()
                .containsExactly("END_USER_NOT_VERIFIED");

        fx.decide(iccid, fx.photos(agentId, iccid), true);
        var active = assertThat(post("/api/v1/cards/{iccid}/activate", iccid, CardFixtures.OPS))
                .hasStatusOk()
                .bodyJson();
        active.extractingPath("$.state").isEqualTo("ACTIVE");
        active.extractingPath("$.realName.satisfied").isEqualTo(true);
        active.extractingPath("$.endUser.status").isEqualTo("VERIFIED");

        assertThat(post("/api/v1/cards/{iccid}/activate", iccid, agent))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("ILLEGAL_STATE_TRANSITION");
    }

    @Test
    void aCardOfAnEnterpriseThatIsNotVerifiedCannotBeActivated() {
        long draft = fx.draftEnterprise(agentId);
        String iccid = fx.enterpriseCard(agentId, draft, "138", fx.directionalDataPlan());
        assertThat(post("/api/v1/cards/{iccid}/activate", iccid, agent))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.missing")
                .asArray()
                .contains("ENTERPRISE_NOT_VERIFIED");
        assertThat(fx.view(iccid).state()).isEqualTo(CardState.PENDING_ACTIVATION);
    }

    @Test
    void activationIsForTheCardsTenantsAndOpsOnly() {
        String iccid = fx.enterpriseCard(agentId, enterpriseId, "138", fx.directionalDataPlan());
        assertThat(post("/api/v1/cards/{iccid}/activate", iccid, ActorAuthentication.actor(Role.ADMIN, null, null)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post("/api/v1/cards/{iccid}/activate", iccid, agent(newAgent())))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("/api/v1/cards/{iccid}/activate", iccid, enterpriseAdmin(enterpriseId + 1)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("/api/v1/cards/{iccid}/activate", iccid, enterpriseAdmin(enterpriseId)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("ACTIVE");
    }
}
