package com.realsim.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.realsim.enterprise.EnterpriseView;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The order pages in both languages: the list, the form that fits the type with errors next to fields, the order. */
@SpringBootTest
@AutoConfigureMockMvc
class OrderPagesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    OrderService orders;

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

    MvcTestResult post(String iccidsText, MockMultipartFile csv, String language, String... extra) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("type", "NEW_INSTALL");
        fields.put("enterpriseId", String.valueOf(enterprise.id()));
        fields.put("iccidsText", iccidsText);
        fields.put("handler.name", "李四");
        fields.put("handler.idType", "RESIDENT_ID");
        fields.put("handler.idNumber", "420106199810051639");
        fields.put("handler.idAddress", "湖北省武汉市");
        fields.put("handler.authorizationValidTo", "2099-12-31");
        fields.put("device.type", "智能水表");
        fields.put("device.model", "WM-200");
        fields.put("device.industryScenario", "智慧水务");
        fields.put("device.expectedMonthlyTrafficMb", "30");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            fields.put(extra[i], extra[i + 1]);
        }
        var request = mvc.post()
                .uri("/orders")
                .multipart()
                .file(csv == null ? new MockMultipartFile("csv", new byte[0]) : csv);
        for (var field : fields.entrySet()) {
            request = request.param(field.getKey(), field.getValue());
        }
        return request.header("Accept-Language", language)
                .with(csrf())
                .with(ActorAuthentication.as(agent))
                .exchange();
    }

    @Test
    void theListsWaitingForColumnNamesTheComparisonStillToComeNotItsApproval() {
        List<String> iccids = fixtures.inventory(1, fixtures.dataOnlyPlan());
        OrderView order = fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids));
        assertThat(order.pending()).contains(OrderView.PENDING_VERIFICATION);
        assertThat(mvc.get().uri("/orders?lang=zh-CN").with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains(order.number())
                .contains(">人证比对<")
                .doesNotContain("人证比对通过");
        assertThat(mvc.get().uri("/orders?lang=en").with(ActorAuthentication.as(agent)))
                .bodyText()
                .contains(">Person-to-ID comparison<")
                .doesNotContain("comparison approved");
    }

    @Test
    void theListShowsTheActorsOrdersInBothLanguagesWithFilters() {
        List<String> iccids = fixtures.inventory(1, fixtures.dataOnlyPlan());
        OrderView order = fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids));
        for (Actor reader : new Actor[] {agent, OrderFixtures.ops(), OrderFixtures.enterpriseAdmin(enterprise.id())}) {
            assertThat(mvc.get().uri("/orders?lang=en").with(ActorAuthentication.as(reader)))
                    .hasStatusOk()
                    .bodyText()
                    .contains("Business orders")
                    .contains(order.number())
                    .contains("New installation")
                    .contains(enterprise.name());
        }
        assertThat(mvc.get().uri("/orders?lang=zh-CN").with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains("业务受理")
                .contains("新装")
                .contains("办理中")
                .contains("经办人现场照片");
        assertThat(mvc.get().uri("/orders?status=COMPLETED").with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(order.number());
        assertThat(mvc.get().uri("/orders?type=SUSPEND").with(ActorAuthentication.as(agent)))
                .bodyText()
                .doesNotContain(order.number());
        assertThat(mvc.get()
                        .uri("/orders")
                        .with(ActorAuthentication.as(OrderFixtures.agent(OrderFixtures.newAgentId()))))
                .bodyText()
                .doesNotContain(order.number());
        assertThat(mvc.get()
                        .uri("/orders")
                        .with(ActorAuthentication.as(ActorAuthentication.actor(Role.ADMIN, null, null))))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theFormFitsTheType() {
        assertThat(mvc.get().uri("/orders/new").with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains("name=\"device.model\"")
                .contains("name=\"iccidsText\"")
                .contains("name=\"csv\"")
                .contains(enterprise.name())
                .doesNotContain("name=\"targetEnterpriseId\"")
                .doesNotContain("name=\"imei\"");
        assertThat(mvc.get().uri("/orders/new?type=TRANSFER").with(ActorAuthentication.as(agent)))
                .bodyText()
                .contains("name=\"targetEnterpriseId\"")
                .doesNotContain("name=\"device.model\"");
        assertThat(mvc.get().uri("/orders/new?type=CARD_REPLACEMENT").with(ActorAuthentication.as(agent)))
                .bodyText()
                .contains("name=\"replacementsText\"")
                .doesNotContain("name=\"iccidsText\"");
        assertThat(mvc.get().uri("/orders/new?type=REBIND_IMEI&lang=zh-CN").with(ActorAuthentication.as(agent)))
                .bodyText()
                .contains("name=\"imei\"")
                .contains("新设备 IMEI")
                .contains("经办人");
        for (Actor refused : new Actor[] {OrderFixtures.ops(), OrderFixtures.enterpriseAdmin(enterprise.id())}) {
            assertThat(mvc.get().uri("/orders/new").with(ActorAuthentication.as(refused)))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void errorsAppearNextToTheirFieldsAndCardsByTheirEntryInBothLanguages() {
        String good = fixtures.inventory(1, fixtures.dataOnlyPlan()).get(0);
        MvcTestResult english =
                post(good + "\n89860000000000000018\n", null, "en", "handler.idNumber", "420106199810051638");
        assertThat(english).hasStatusOk();
        assertThat(english)
                .bodyText()
                .contains("Entry 2: Not a valid ICCID")
                .contains("id=\"handler.idNumber\"")
                .containsPattern("handler.idNumber[^>]*is-invalid|is-invalid[^>]*handler.idNumber")
                .contains("89860000000000000018");
        assertThat(post(good + "\n89860000000000000018\n", null, "zh-CN"))
                .bodyText()
                .contains("第 2 项：ICCID 无效");
        EnterpriseView draft = fixtures.draftEnterprise(agentId);
        assertThat(post(good, null, "en", "enterpriseId", String.valueOf(draft.id())))
                .bodyText()
                .contains("is not verified");
    }

    @Test
    void aCardOutsideTheInventoryIsRefusedNamingItsStateByItsLabel() {
        String taken = fixtures.enterpriseCards(1, fixtures.dataOnlyPlan(), agentId, enterprise.id())
                .get(0);
        assertThat(post(taken, null, "zh-CN"))
                .bodyText()
                .contains("卡 " + taken + " 不可用：其状态为“待激活”，不在库存中。")
                .doesNotContain("PENDING_ACTIVATION，");
        assertThat(post(taken, null, "en"))
                .bodyText()
                .contains("Card " + taken + " is not available: it is Awaiting activation, not in the inventory.");
    }

    @Test
    void aValidFormCreatesTheOrderWithCardsFromTheTextAndTheCsvFile() {
        List<String> iccids = fixtures.inventory(3, fixtures.dataOnlyPlan());
        MockMultipartFile csv = new MockMultipartFile(
                "csv",
                "cards.csv",
                "text/csv",
                ("iccid\n" + iccids.get(1) + "\n" + iccids.get(2) + ",extra\n").getBytes(StandardCharsets.UTF_8));
        MvcTestResult created = post(iccids.get(0), csv, "en");
        assertThat(created).hasStatus(HttpStatus.FOUND);
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/orders/");
        long id = Long.parseLong(location.substring("/orders/".length()));
        OrderView order = RunAs.run(agent, () -> orders.get(id));
        assertThat(order.cardCount()).isEqualTo(3);
        assertThat(order.device().industryScenario()).isEqualTo("智慧水务");
    }

    @Test
    void theOrderPageShowsTheChecklistAndCameraUploadsAndTakesPhotos() {
        List<String> iccids = fixtures.inventory(2, fixtures.dataOnlyPlan());
        OrderView order = fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids));
        assertThat(mvc.get().uri("/orders/{id}?lang=en", order.id()).with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains("What the order still waits for")
                .contains("capture=\"environment\"")
                .contains("capture=\"user\"")
                .contains("id=\"upload-HANDLER_ID\"")
                .contains("id=\"upload-HANDLER_PHOTO\"")
                .contains("420106********1639")
                .doesNotContain("420106199810051639")
                .contains(iccids.get(0))
                .contains("In inventory")
                .doesNotContain("unmask-form");
        assertThat(mvc.post()
                        .uri("/orders/{id}/documents", order.id())
                        .multipart()
                        .file(new MockMultipartFile("file", "cert.jpg", "image/jpeg", TestFiles.jpeg()))
                        .param("kind", "CERTIFICATE")
                        .with(csrf())
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/orders/" + order.id() + "#documents");
        assertThat(RunAs.run(agent, () -> orders.get(order.id())).pending()).doesNotContain("DOCUMENT:CERTIFICATE");
        assertThat(mvc.post()
                        .uri("/orders/{id}/handler-photo", order.id())
                        .multipart()
                        .file(new MockMultipartFile("file", "me.jpg", "image/jpeg", TestFiles.jpeg()))
                        .with(csrf())
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/orders/{id}?lang=zh-CN", order.id()).with(ActorAuthentication.as(agent)))
                .hasStatusOk()
                .bodyText()
                .contains("业务单尚待完成")
                .contains("人证比对")
                .contains("经办人现场照片");
        // OPS see it with the unmask forms; the enterprise's admin sees it without the ID photos' uploads
        assertThat(mvc.get().uri("/orders/{id}", order.id()).with(ActorAuthentication.as(OrderFixtures.ops())))
                .hasStatusOk()
                .bodyText()
                .contains("unmask-form")
                .doesNotContain("id=\"upload-CERTIFICATE\"");
        assertThat(mvc.get()
                        .uri("/orders/{id}", order.id())
                        .with(ActorAuthentication.as(OrderFixtures.enterpriseAdmin(enterprise.id()))))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("id=\"upload-CERTIFICATE\"")
                .doesNotContain("cancel-order");
    }

    @Test
    void afterAnUploadThePagePointsAtTheNextMissingDocument() {
        List<String> iccids = fixtures.inventory(1, fixtures.dataOnlyPlan());
        OrderView order = fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids));
        assertThat(nextUploads(order.id(), "en"))
                .as("nothing uploaded yet: the first kind is next")
                .containsExactly("upload-CERTIFICATE");
        assertThat(mvc.post()
                        .uri("/orders/{id}/documents", order.id())
                        .multipart()
                        .file(new MockMultipartFile("file", "cert.jpg", "image/jpeg", TestFiles.jpeg()))
                        .param("kind", "CERTIFICATE")
                        .with(csrf())
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(nextUploads(order.id(), "en")).containsExactly("upload-RESPONSIBLE_ID");
        assertThat(mvc.post()
                        .uri("/orders/{id}/documents", order.id())
                        .multipart()
                        .file(new MockMultipartFile("file", "again.jpg", "image/jpeg", TestFiles.jpeg()))
                        .param("kind", "CERTIFICATE")
                        .with(csrf())
                        .with(ActorAuthentication.as(agent)))
                .as("a replacement takes the earlier photo's place")
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsKey("flashSuccess");
        assertThat(RunAs.run(agent, () -> orders.get(order.id())).documents())
                .filteredOn(document -> document.kind() == OrderDocumentKind.CERTIFICATE)
                .hasSize(1);
        assertThat(nextUploads(order.id(), "en")).containsExactly("upload-RESPONSIBLE_ID");
        org.jsoup.nodes.Document chinese = page(order.id(), "zh-CN");
        assertThat(chinese.select("#upload-RESPONSIBLE_ID .badge").text()).isEqualTo("下一项");
        assertThat(page(order.id(), "en")
                        .select("#upload-RESPONSIBLE_ID .badge")
                        .text())
                .isEqualTo("Next to upload");
        fixtures.attachDocuments(agent, order.id());
        assertThat(nextUploads(order.id(), "en"))
                .as("the documents on file, the handler's on-site photo is next")
                .containsExactly("upload-HANDLER_PHOTO");
        fixtures.attachHandlerPhoto(agent, order.id());
        assertThat(nextUploads(order.id(), "en"))
                .as("everything on file: no upload is pointed at")
                .isEmpty();
    }

    org.jsoup.nodes.Document page(long orderId, String language) {
        byte[] html = mvc.get()
                .uri("/orders/{id}?lang={language}", orderId, language)
                .with(ActorAuthentication.as(agent))
                .exchange()
                .getResponse()
                .getContentAsByteArray();
        return org.jsoup.Jsoup.parse(new String(html, StandardCharsets.UTF_8));
    }

    List<String> nextUploads(long orderId, String language) {
        return page(orderId, language).select("form.next-upload").eachAttr("id");
    }

    @Test
    void anotherTenantsOrderPageIsNotFound() {
        List<String> iccids = fixtures.inventory(1, fixtures.dataOnlyPlan());
        OrderView order = fixtures.submit(agent, OrderFixtures.newInstall(enterprise.id(), iccids));
        Actor stranger = OrderFixtures.agent(OrderFixtures.newAgentId());
        assertThat(mvc.get().uri("/orders/{id}", order.id()).with(ActorAuthentication.as(stranger)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/orders/{id}/cancel", order.id())
                        .with(csrf())
                        .with(ActorAuthentication.as(stranger)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/orders/{id}/documents", order.id())
                        .multipart()
                        .file(new MockMultipartFile("file", "cert.jpg", "image/jpeg", TestFiles.jpeg()))
                        .param("kind", "CERTIFICATE")
                        .with(csrf())
                        .with(ActorAuthentication.as(stranger)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get()
                        .uri("/orders/{id}", order.id())
                        .with(ActorAuthentication.as(OrderFixtures.enterpriseAdmin(enterprise.id() + 100_000))))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/orders/{id}/approve", order.id())
                        .with(csrf())
                        .with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void opsDecideARebindOnItsPageAndTheDashboardCountsIt() {
        List<String> iccids = fixtures.enterpriseCards(1, fixtures.imeiBoundPlan(), agentId, enterprise.id());
        OrderView order = fixtures.submit(agent, OrderFixtures.rebind(enterprise.id(), iccids, "860000000000082"));
        fixtures.attachDocuments(agent, order.id());
        Actor ops = OrderFixtures.ops();
        assertThat(mvc.get().uri("/?lang=en").with(ActorAuthentication.as(ops)))
                .bodyText()
                .contains("Rebind orders to decide");
        assertThat(mvc.get().uri("/?lang=en").with(ActorAuthentication.as(agent)))
                .bodyText()
                .contains("Open orders and what they wait on")
                .contains("Device rebind: waiting for the OPS decision")
                .contains("href=\"/orders?status=AWAITING_VERIFICATION&amp;type=REBIND_IMEI\"");
        assertThat(mvc.get().uri("/orders/{id}", order.id()).with(ActorAuthentication.as(ops)))
                .bodyText()
                .contains("id=\"approve\"")
                .contains("id=\"reject\"");
        assertThat(mvc.post()
                        .uri("/orders/{id}/reject", order.id())
                        .param("reason", "")
                        .with(csrf())
                        .with(ActorAuthentication.as(ops)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(RunAs.run(ops, () -> orders.get(order.id())).open()).isTrue();
        assertThat(mvc.post()
                        .uri("/orders/{id}/approve", order.id())
                        .with(csrf())
                        .with(ActorAuthentication.as(ops)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/orders/{id}?lang=en", order.id()).with(ActorAuthentication.as(ops)))
                .bodyText()
                .contains("Completed: the cards are bound to the new device.")
                .contains("Approved by " + ops.name());
    }
}
