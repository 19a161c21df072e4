package com.realsim.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.realsim.card.CardFixtures;
import com.realsim.catalogue.Operator;
import com.realsim.identity.IdDocument;
import com.realsim.testsupport.TestFiles;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The end user's pages without an account, for real cards of the card module: the notice and the form, field errors
 * next to the fields, a refusal shown with the form kept, one submission per link, the same "not valid" page for
 * every bad link, and rate limits.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(VerificationTestConfiguration.class)
class SelfServicePagesTest {

    static final AtomicInteger clients = new AtomicInteger(10);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    SelfServiceLinks links;

    @Autowired
    ApplicationContext context;

    CardFixtures cards;

    /** An identity no other test uses: each accepted submission takes a slot of its one-ID-N-cards quota. */
    final String idNumber = CardFixtures.newIdentity().number();

    @BeforeEach
    void realCards() {
        cards = new CardFixtures(context);
    }

    CardFixtures.CustomerCard newCard() {
        return cards.endUserCard(CardFixtures.newAgent());
    }

    /** Each test acts from its own client address, so that per-client limits do not leak between tests. */
    final String client = "198.51.100." + clients.incrementAndGet();

    RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    String newLink(CardFixtures.CustomerCard card) {
        return cards.selfServicePath(card.agentId(), card.iccid());
    }

    MvcTestResult submit(String path, String idNumber, boolean withPhotos) {
        var request = mvc.post()
                .uri(path)
                .multipart()
                .param("name", "李四")
                .param("idType", "RESIDENT_ID")
                .param("idNumber", idNumber)
                .param("idAddress", "福建省福州市鼓楼区五四路 100 号")
                .param("consent", "true")
                .header("Accept-Language", "en");
        if (withPhotos) {
            request = request.file(new MockMultipartFile("idFront", "front.jpg", "image/jpeg", TestFiles.jpeg()))
                    .file(new MockMultipartFile("idBack", "back.png", "image/png", TestFiles.png()))
                    .file(new MockMultipartFile("livePhoto", "me.jpg", "image/jpeg", TestFiles.jpeg()));
        }
        return request.with(csrf()).with(from(client)).exchange();
    }

    @Test
    void theLinkShowsWhatIsAskedTheNoticeAndAPhoneFriendlyForm() {
        CardFixtures.CustomerCard card = newCard();
        var page = mvc.get()
                .uri(newLink(card))
                .header("Accept-Language", "en")
                .with(from(client))
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(page)
                .bodyText()
                .contains("8986****" + card.iccid().substring(16))
                .contains(card.enterpriseName())
                .contains("id=\"privacy-notice\"")
                .contains("at least two years")
                .contains("MIIT")
                .contains("capture=\"environment\"")
                .contains("capture=\"user\"")
                .contains("accept=\"image/*\"")
                .contains("name=\"_csrf\"")
                .contains("/js/verification.js")
                .doesNotContain(card.iccid());
        assertThat(mvc.get()
                        .uri(newLink(card))
                        .header("Accept-Language", "zh-CN")
                        .with(from(client)))
                .hasStatusOk()
                .bodyText()
                .contains("实名认证")
                .contains("个人信息");
    }

    @Test
    void anAcceptedSubmissionShowsUnderReviewAndTheLinkNeverWorksAgain() throws Exception {
        String path = newLink(newCard());
        MvcTestResult accepted = submit(path, idNumber, true);
        assertThat(accepted).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo(path + "/done");
        assertThat(mvc.get()
                        .uri(path + "/done")
                        .cookie(accepted.getResponse().getCookie("SESSION")) // the flash lives in the JDBC session
                        .header("Accept-Language", "en")
                        .with(from(client)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"outcome-review\"")
                .contains("Under review");
        String invalid = mvc.get()
                .uri("/s/" + "A".repeat(43))
                .header("Accept-Language", "en")
                .with(from(client))
                .exchange()
                .getResponse()
                .getContentAsString();
        var again = mvc.get()
                .uri(path)
                .header("Accept-Language", "en")
                .with(from(client))
                .exchange();
        assertThat(again).hasStatus(HttpStatus.NOT_FOUND).bodyText().contains("This link is not valid");
        assertThat(withoutCsrf(again.getResponse().getContentAsString())).isEqualTo(withoutCsrf(invalid));
        assertThat(submit(path, idNumber, true)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(path + "/done").with(from(client))).hasStatus(HttpStatus.NOT_FOUND);
    }

    /** The pages differ only by the visitor's CSRF token and their own address in the language switch. */
    static String withoutCsrf(String page) {
        return page.replaceAll("content=\"[^\"]*\"", "").replaceAll("href=\"/s/[^\"]*\"", "");
    }

    @Test
    void fieldErrorsAppearNextToTheirFieldsAndTypedTextIsKept() {
        String path = newLink(newCard());
        var missing = submit(path, "", false);
        assertThat(missing).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(missing)
                .bodyText()
                .contains("value=\"李四\"")
                .contains("Take or choose this photo.")
                .contains("id=\"reattach\"")
                .contains("is-invalid");
        var badNumber = submit(path, "120101200709209191", true);
        assertThat(badNumber).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(badNumber)
                .bodyText()
                .contains("does not match the rest of the number")
                .doesNotContain("120101200709209191\" class");
        var noConsent = mvc.post()
                .uri(path)
                .multipart()
                .file(new MockMultipartFile("idFront", "front.jpg", "image/jpeg", TestFiles.jpeg()))
                .file(new MockMultipartFile("livePhoto", "me.jpg", "image/jpeg", TestFiles.jpeg()))
                .param("name", "李四")
                .param("idType", "RESIDENT_ID")
                .param("idNumber", VerificationFixtures.ID_NUMBER)
                .param("idAddress", "福州")
                .header("Accept-Language", "en")
                .with(csrf())
                .with(from(client))
                .exchange();
        assertThat(noConsent).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("Please confirm that you agree");
        assertThat(mvc.get().uri(path).with(from(client)))
                .as("the link still works")
                .hasStatusOk();
    }

    @Test
    void aRefusalIsShownAboveTheKeptFormAndTheLinkStaysUsable() {
        CardFixtures.CustomerCard card = newCard();
        String path = newLink(card);
        IdDocument identity = CardFixtures.newIdentity();
        cards.fillQuota(identity, Operator.CHINA_MOBILE);
        var refused = submit(path, identity.number(), true);
        assertThat(refused).hasStatus(HttpStatus.CONFLICT);
        assertThat(refused)
                .bodyText()
                .contains("maximum number of cards")
                .contains("value=\"李四\"")
                .contains("id=\"self-service-form\"");
        assertThat(mvc.get().uri(path).with(from(client))).hasStatusOk();
    }

    @Test
    void aPhotoThatIsNoImageIsRefusedWithTheFormKept() {
        String path = newLink(newCard());
        var refused = mvc.post()
                .uri(path)
                .multipart()
                .file(new MockMultipartFile("idFront", "front.jpg", "image/jpeg", "MZ not an image".getBytes()))
                .file(new MockMultipartFile("livePhoto", "me.jpg", "image/jpeg", TestFiles.jpeg()))
                .param("name", "李四")
                .param("idType", "RESIDENT_ID")
                .param("idNumber", VerificationFixtures.ID_NUMBER)
                .param("idAddress", "福州")
                .param("consent", "true")
                .header("Accept-Language", "en")
                .with(csrf())
                .with(from(client))
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refused).bodyText().contains("JPEG").contains("id=\"self-service-form\"");
    }

    @Test
    void withoutTheFormsCsrfTokenNothingIsAccepted() {
        String path = newLink(newCard());
        assertThat(mvc.post().uri(path).multipart().param("name", "李四").with(from(client)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri(path).with(from(client))).hasStatusOk();
    }

    @Test
    void aLinkTakesFiveSubmissionsAnHourThenAFriendly429() {
        String path = newLink(newCard());
        for (int i = 0; i < 5; i++) {
            assertThat(submit(path, "", false)).hasStatus(HttpStatus.BAD_REQUEST);
        }
        var limited = submit(path, idNumber, true);
        assertThat(limited).hasStatus(HttpStatus.TOO_MANY_REQUESTS).bodyText().contains("Too many attempts");
        assertThat(limited.getResponse().getHeader("Retry-After")).isEqualTo("3600");
    }

    @Test
    void guessingLinksFromOneAddressIsStoppedAndThenEvenAValidLinkWaits() {
        String valid = newLink(newCard());
        for (int i = 0; i < 20; i++) {
            assertThat(mvc.get().uri("/s/guess" + i).with(from(client))).hasStatus(HttpStatus.NOT_FOUND);
        }
        assertThat(mvc.get().uri("/s/guess-21").header("Accept-Language", "en").with(from(client)))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .bodyText()
                .contains("Too many attempts");
        assertThat(mvc.get().uri(valid).with(from(client))).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(mvc.get().uri(valid).with(from("192.0.2.200"))).hasStatusOk();
    }
}
