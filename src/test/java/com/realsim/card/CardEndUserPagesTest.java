package com.realsim.card;

import static com.realsim.card.CardFixtures.agent;
import static com.realsim.card.CardFixtures.enterpriseAdmin;
import static com.realsim.card.CardFixtures.newAgent;
import static com.realsim.card.CardFixtures.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.realsim.identity.IdDocument;
import com.realsim.platform.Actor;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The card page's end user, activation and self-service link, for each role and in both languages: the agent binds
 * with errors next to the fields and uploads the photos, the enterprise admin issues a link and sees it once, OPS
 * may unmask, another tenant's card is not found.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
class CardEndUserPagesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

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

    long card(String plan) {
        return fx.view(fx.enterpriseCard(agentId, enterpriseId, "138", plan)).id();
    }

    MvcTestResult page(long id, Actor actor, String language) {
        return mvc.get()
                .uri("/cards/{id}", id)
                .header("Accept-Language", language)
                .with(ActorAuthentication.as(actor))
                .exchange();
    }

    MvcTestResult bind(long id, String idNumber, Actor actor, String language) {
        return mvc.post()
                .uri("/cards/{id}/end-user", id)
                .header("Accept-Language", language)
                .param("name", "王小明")
                .param("idType", "RESIDENT_ID")
                .param("idNumber", idNumber)
                .param("idAddress", "北京市东城区东华门街道 1 号")
                .with(csrf())
                .with(ActorAuthentication.as(actor))
                .exchange();
    }

    @Test
    void anAgentBindsTheEndUserInTheFormWithErrorsNextToTheFieldsInBothLanguages() {
        long id = card(fx.nonDirectionalDataPlan());
        assertThat(page(id, agent, "en"))
                .hasStatusOk()
                .bodyText()
                .contains("End user (使用人)")
                .contains("No end user is bound yet. This card&#39;s plan requires one")
                .contains("id=\"end-user-form\"")
                .contains("Request an exception (approval)");

        assertThat(bind(id, "110101199003070000", agent, "en"))
                .hasStatusOk()
                .bodyText()
                .contains("is-invalid")
                .contains("id=\"idNumber-error\"")
                .contains("The last character does not match the rest of the number");
        assertThat(bind(id, "110101199003070000", agent, "zh-CN"))
                .hasStatusOk()
                .bodyText()
                .contains("使用人")
                .contains("校验位与号码不符");

        IdDocument person = newIdentity();
        assertThat(bind(id, person.number(), agent, "en"))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashSuccess", "card.endUser.bound");
        assertThat(page(id, agent, "en"))
                .bodyText()
                .contains("王*明")
                .contains(person.masked())
                .doesNotContain(person.number())
                .contains("Bound, not verified yet")
                .contains("id=\"photos-form\"")
                .contains("capture=\"environment\"")
                .contains("capture=\"user\"")
                .contains("Replace the end user");
        assertThat(page(id, agent, "zh-CN")).bodyText().contains("已登记，尚未核验").contains("上传照片");
    }

    @Test
    void theAgentUploadsThePhotosInThePageAndTheCardShowsTheReview() {
        long id = card(fx.nonDirectionalDataPlan());
        bind(id, newIdentity().number(), agent, "en");

        assertThat(mvc.post()
                        .uri("/cards/{id}/end-user/photos", id)
                        .multipart()
                        .file(new MockMultipartFile("idFront", "f.jpg", "image/jpeg", TestFiles.jpeg()))
                        .file(new MockMultipartFile("idBack", "b.png", "image/png", TestFiles.png()))
                        .file(new MockMultipartFile("livePhoto", "l.jpg", "image/jpeg", TestFiles.jpeg()))
                        .with(csrf())
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashSuccess", "card.endUser.photos.complete");
        assertThat(page(id, agent, "en"))
                .bodyText()
                .contains("Verification under review")
                .contains("/verifications/")
                .contains("/documents/")
                .doesNotContain("id=\"photos-form\"");
        assertThat(page(id, enterpriseAdmin(enterpriseId), "en"))
                .bodyText()
                .contains("Bound, not verified yet")
                .doesNotContain("/documents/");
    }

    @Test
    void theEnterpriseAdminIssuesASelfServiceLinkAndSeesItOnce() {
        long id = card(fx.nonDirectionalDataPlan());
        Actor admin = enterpriseAdmin(enterpriseId);
        assertThat(page(id, admin, "en"))
                .bodyText()
                .contains("id=\"self-service-link-form\"")
                .doesNotContain("id=\"end-user-form\"")
                .doesNotContain("Request an exception");

        for (String language : new String[] {"en", "zh-CN"}) {
            var issued = assertThat(mvc.post()
                            .uri("/cards/{id}/self-service-link", id)
                            .header("Accept-Language", language)
                            .with(csrf())
                            .with(ActorAuthentication.as(admin)))
                    .hasStatusOk()
                    .bodyText()
                    .containsPattern("http://localhost:8080/s/[A-Za-z0-9_-]{43}")
                    .contains("src=\"data:image/png;base64,");
            issued.contains(language.equals("en") ? "shown now only" : "仅在此处显示一次");
        }
        assertThat(page(id, admin, "en")).bodyText().doesNotContainPattern("/s/[A-Za-z0-9_-]{43}");
    }

    @Test
    void opsMayUnmaskAndActivateButNotBindAndTheCardsTenantActivatesInThePage() {
        long id = card(fx.directionalDataPlan());
        IdDocument person = newIdentity();
        bind(id, person.number(), agent, "en");

        assertThat(page(id, CardFixtures.OPS, "en"))
                .bodyText()
                .contains("unmask-form")
                .contains("endUser.idNumber")
                .contains("id=\"activate-form\"")
                .doesNotContain("id=\"end-user-form\"")
                .doesNotContain("id=\"self-service-link-form\"");
        assertThat(page(id, agent, "en")).bodyText().doesNotContain("unmask-form");
        assertThat(bind(id, newIdentity().number(), CardFixtures.OPS, "en")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/cards/{id}/self-service-link", id)
                        .with(csrf())
                        .with(ActorAuthentication.as(CardFixtures.OPS)))
                .hasStatus(HttpStatus.FORBIDDEN);

        assertThat(mvc.post()
                        .uri("/cards/{id}/activate", id)
                        .with(csrf())
                        .with(ActorAuthentication.as(enterpriseAdmin(enterpriseId))))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashSuccess", "card.activated");
        assertThat(page(id, agent, "zh-CN")).bodyText().contains("正常").doesNotContain("id=\"activate-form\"");
    }

    @Test
    void activationInThePageSaysTheRealNameIsIncomplete() {
        long id = card(fx.nonDirectionalDataPlan());
        assertThat(mvc.post().uri("/cards/{id}/activate", id).with(csrf()).with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashError", "card.activate.incomplete");
        assertThat(page(id, agent, "en"))
                .bodyText()
                .contains("An end user must be bound (or an approved exception must waive it).");
        assertThat(page(id, agent, "zh-CN")).bodyText().contains("id=\"real-name-missing\"");
    }

    @Test
    void anotherTenantsCardIsNotFoundOnEveryNewPageAction() {
        String iccid = fx.enterpriseCard(agentId, enterpriseId, "138", fx.nonDirectionalDataPlan());
        long id = fx.view(iccid).id();
        Actor stranger = agent(newAgent());
        assertThat(page(id, stranger, "en")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(bind(id, newIdentity().number(), stranger, "en")).hasStatus(HttpStatus.NOT_FOUND);
        for (String action : new String[] {"/cards/{id}/self-service-link", "/cards/{id}/activate"}) {
            assertThat(mvc.post().uri(action, id).with(csrf()).with(ActorAuthentication.as(stranger)))
                    .hasStatus(HttpStatus.NOT_FOUND);
        }
        assertThat(mvc.post()
                        .uri("/cards/{id}/end-user/photos", id)
                        .multipart()
                        .file(new MockMultipartFile("idFront", "f.jpg", "image/jpeg", TestFiles.jpeg()))
                        .with(csrf())
                        .with(ActorAuthentication.as(stranger)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(fx.view(iccid).endUser()).isNull();
    }
}
