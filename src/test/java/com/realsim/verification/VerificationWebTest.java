package com.realsim.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.realsim.document.DocumentService;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The queue and case pages and the API for every role: who may read, who may decide, other tenants' ids. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(VerificationTestConfiguration.class)
class VerificationWebTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    VerificationService verifications;

    @Autowired
    DocumentService documents;

    VerificationFixtures fixtures() {
        return new VerificationFixtures(verifications, documents);
    }

    static Actor enterpriseAdmin(long enterpriseId) {
        return ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, enterpriseId);
    }

    @Test
    void theApiListsTheQueueWithOrderIdsAndIccidsAsTheContractNamesThem() {
        Actor agent = VerificationFixtures.agent(701);
        VerificationCaseView handler = fixtures().handlerCase(agent, 7011);
        VerificationCaseView endUser = fixtures().endUserCase(agent, 7011);
        var answer = mvc.get()
                .uri("/api/v1/verifications?status=PENDING_REVIEW&size=500")
                .with(ActorAuthentication.as(VerificationFixtures.ops()))
                .exchange();
        assertThat(answer).hasStatusOk();
        assertThat(answer)
                .bodyJson()
                .extractingPath("$.items[?(@.id == " + handler.id() + ")].orderId")
                .asArray()
                .containsExactly((int) handler.subjectId());
        assertThat(answer)
                .bodyJson()
                .extractingPath("$.items[?(@.id == " + endUser.id() + ")].iccid")
                .asArray()
                .containsExactly(endUser.subjectLabel());
        assertThat(answer)
                .bodyJson()
                .extractingPath("$.items[?(@.id == " + endUser.id() + ")].kind")
                .asArray()
                .containsExactly("END_USER");
        assertThat(answer)
                .bodyJson()
                .extractingPath("$.items[?(@.id == " + handler.id() + ")].iccid")
                .asArray()
                .isEmpty();
        assertThat(answer).bodyJson().extractingPath("$.nextCursor").isNull();

        var paged = mvc.get()
                .uri("/api/v1/verifications?size=1")
                .with(ActorAuthentication.as(agent))
                .exchange();
        assertThat(paged).bodyJson().extractingPath("$.items.length()").isEqualTo(1);
        assertThat(paged).bodyJson().extractingPath("$.items[0].id").isEqualTo((int) endUser.id());
        assertThat(paged).bodyJson().extractingPath("$.nextCursor").isNotNull();
    }

    @Test
    void aCaseReadsMaskedAndAnotherTenantsCaseIsNotFound() {
        VerificationCaseView theirs = fixtures().endUserCase(VerificationFixtures.agent(702), 7021);
        var own = mvc.get()
                .uri("/api/v1/verifications/{id}", theirs.id())
                .with(ActorAuthentication.as(enterpriseAdmin(7021)))
                .exchange();
        assertThat(own).hasStatusOk();
        assertThat(own).bodyJson().extractingPath("$.idNumber").isEqualTo("120101********9190");
        assertThat(own).bodyJson().extractingPath("$.name").isEqualTo("张*丰");
        assertThat(own).bodyJson().extractingPath("$.findings.concerns[0]").isEqualTo("MANUAL_ONLY");
        assertThat(own)
                .bodyJson()
                .extractingPath("$.photos.livePhoto")
                .isEqualTo(theirs.livePhotoDocumentId().intValue());
        assertThat(own)
                .bodyText()
                .doesNotContain(VerificationFixtures.ID_NUMBER)
                .doesNotContain("张三丰");
        for (Actor outsider : new Actor[] {VerificationFixtures.agent(703), enterpriseAdmin(7031)}) {
            assertThat(mvc.get().uri("/api/v1/verifications/{id}", theirs.id()).with(ActorAuthentication.as(outsider)))
                    .hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("NOT_FOUND");
            assertThat(mvc.get().uri("/verifications/{id}", theirs.id()).with(ActorAuthentication.as(outsider)))
                    .hasStatus(HttpStatus.NOT_FOUND);
        }
        assertThat(mvc.post()
                        .uri("/api/v1/verifications/{id}/approve", 999_999_999L)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"fine\"}")
                        .with(ActorAuthentication.as(VerificationFixtures.ops())))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void opsDecideThroughTheApiAndOthersMayNot() {
        VerificationCaseView opened = fixtures().handlerCase(VerificationFixtures.agent(704), 7041);
        for (Actor refused : new Actor[] {VerificationFixtures.agent(704), enterpriseAdmin(7041)}) {
            assertThat(mvc.post()
                            .uri("/api/v1/verifications/{id}/approve", opened.id())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\":\"looks fine\"}")
                            .with(ActorAuthentication.as(refused)))
                    .hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(mvc.get().uri("/api/v1/verifications").with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/verifications")).hasStatus(HttpStatus.UNAUTHORIZED);

        Actor ops = VerificationFixtures.ops();
        assertThat(mvc.post()
                        .uri("/api/v1/verifications/{id}/approve", opened.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .with(ActorAuthentication.as(ops)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("reason");
        var approved = mvc.post()
                .uri("/api/v1/verifications/{id}/approve", opened.id())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"photo matches the ID\"}")
                .with(ActorAuthentication.as(ops))
                .exchange();
        assertThat(approved).hasStatusOk();
        assertThat(approved).bodyJson().extractingPath("$.status").isEqualTo("APPROVED");
        assertThat(approved).bodyJson().extractingPath("$.decidedBy").isEqualTo(ops.name());
        assertThat(mvc.post()
                        .uri("/api/v1/verifications/{id}/reject", opened.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"second thoughts\"}")
                        .with(ActorAuthentication.as(VerificationFixtures.ops())))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("ILLEGAL_STATE_TRANSITION");
    }

    @Test
    void theSubmitterIsRefusedWithSelfApprovalInTheApiAndThePage() {
        Actor ops = VerificationFixtures.ops();
        VerificationCaseView own = fixtures().handlerCase(ops, 7051);
        assertThat(mvc.post()
                        .uri("/api/v1/verifications/{id}/reject", own.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"my own\"}")
                        .with(ActorAuthentication.as(ops)))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("SELF_APPROVAL");
        assertThat(mvc.post()
                        .uri("/verifications/{id}/approve", own.id())
                        .param("reason", "my own")
                        .with(csrf())
                        .with(ActorAuthentication.as(ops)))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyText()
                .contains("SELF_APPROVAL");
        assertThat(mvc.get().uri("/verifications/{id}", own.id()).with(ActorAuthentication.as(ops)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"maker-checker\"")
                .doesNotContain("id=\"approve\"");
    }

    @Test
    void opsWorkTheQueuePageClaimAndDecide() {
        VerificationCaseView opened = fixtures().endUserCase(VerificationFixtures.agent(706), 7061);
        Actor ops = VerificationFixtures.ops();
        assertThat(mvc.get().uri("/verifications").with(ActorAuthentication.as(ops)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"manual-review-banner\"")
                .contains("data-id=\"" + opened.id() + "\"")
                .contains("id=\"count-unassigned\"");
        var detail = mvc.get()
                .uri("/verifications/{id}", opened.id())
                .with(ActorAuthentication.as(ops))
                .exchange();
        assertThat(detail)
                .hasStatusOk()
                .bodyText()
                .contains("/documents/" + opened.idPhotoDocumentId())
                .contains("/documents/" + opened.livePhotoDocumentId())
                .contains("name=\"targetType\" value=\"VERIFICATION\"")
                .contains("120101********9190")
                .doesNotContain(VerificationFixtures.ID_NUMBER)
                .contains("id=\"approve\"");
        assertThat(mvc.post()
                        .uri("/verifications/{id}/claim", opened.id())
                        .with(csrf())
                        .with(ActorAuthentication.as(ops)))
                .hasStatus(HttpStatus.FOUND);
        Actor colleague = VerificationFixtures.ops();
        assertThat(mvc.get().uri("/verifications/{id}", opened.id()).with(ActorAuthentication.as(colleague)))
                .bodyText()
                .contains("id=\"claimed-by\"")
                .doesNotContain("id=\"approve\"");
        assertThat(mvc.post()
                        .uri("/verifications/{id}/approve", opened.id())
                        .param("reason", "fine")
                        .with(csrf())
                        .with(ActorAuthentication.as(colleague)))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/verifications/" + opened.id());
        assertThat(mvc.post()
                        .uri("/verifications/{id}/approve", opened.id())
                        .param("reason", "photo matches")
                        .with(csrf())
                        .with(ActorAuthentication.as(ops)))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/verifications");
        assertThat(RunAsOps.get(verifications, opened.id()).status()).isEqualTo(VerificationStatus.APPROVED);
    }

    @Test
    void aCaseHeldByAnApiClientIsNotDecidableOnThePageOfAUserWithTheSameName() {
        VerificationCaseView opened = fixtures().endUserCase(VerificationFixtures.agent(710), 7101);
        Actor user = VerificationFixtures.ops();
        Actor client = new Actor(Actor.Kind.API_CLIENT, user.id(), user.name(), Role.OPS, null, null);
        assertThat(mvc.post()
                        .uri("/api/v1/verifications/{id}/claim", opened.id())
                        .with(ActorAuthentication.as(client)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.assignedTo")
                .isEqualTo(user.name());
        assertThat(mvc.get().uri("/verifications/{id}", opened.id()).with(ActorAuthentication.as(user)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"claimed-by\"")
                .doesNotContain("id=\"approve\"");
    }

    @Test
    void agentsAndEnterpriseAdminsFollowTheirCasesReadOnly() {
        Actor agent = VerificationFixtures.agent(707);
        VerificationCaseView own = fixtures().endUserCase(agent, 7071);
        VerificationCaseView other = fixtures().endUserCase(VerificationFixtures.agent(708), 7081);
        assertThat(mvc.get().uri("/verifications").with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains("data-id=\"" + own.id() + "\"")
                .doesNotContain("data-id=\"" + other.id() + "\"")
                .doesNotContain("id=\"count-unassigned\"");
        assertThat(mvc.get().uri("/verifications/{id}", own.id()).with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"photos\"")
                .doesNotContain("id=\"approve\"")
                .doesNotContain("name=\"targetType\"");
        assertThat(mvc.get().uri("/verifications/{id}", own.id()).with(ActorAuthentication.as(enterpriseAdmin(7071))))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("id=\"photos\"");
        for (String action : new String[] {"approve", "reject", "claim", "release"}) {
            assertThat(mvc.post()
                            .uri("/verifications/{id}/" + action, own.id())
                            .param("reason", "mine")
                            .with(csrf())
                            .with(ActorAuthentication.as(agent)))
                    .as(action)
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.get().uri("/verifications").with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theDashboardShowsWhatWaitsAndTheNavigationLeadsThere() {
        fixtures().handlerCase(VerificationFixtures.agent(709), 7091);
        assertThat(mvc.get()
                        .uri("/")
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(VerificationFixtures.ops())))
                .hasStatusOk()
                .bodyText()
                .contains("Verifications waiting for review")
                .contains("href=\"/verifications\"");
        assertThat(mvc.get()
                        .uri("/")
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(VerificationFixtures.agent(709))))
                .bodyText()
                .contains("Identity checks rejected (last 30 days)")
                .contains("href=\"/verifications?status=REJECTED\"");
    }

    /** Reads a case as an OPS user. */
    static final class RunAsOps {
        static VerificationCaseView get(VerificationService verifications, long id) {
            return com.realsim.testsupport.RunAs.run(VerificationFixtures.ops(), () -> verifications.get(id));
        }
    }
}
