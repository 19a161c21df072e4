package com.realsim.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.card.CardService;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.order.OrderFixtures;
import com.realsim.platform.Role;
import com.realsim.testsupport.Chromium;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import com.realsim.verification.VerificationCaseView;
import com.realsim.verification.VerificationKind;
import com.realsim.verification.VerificationService;
import com.realsim.verification.VerificationStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The end-user self-service flow with a real card, in real headless Chromium: an agent opens a card whose plan needs
 * the end user (activation refused, the end user missing), creates a one-time link; the end user completes it on a
 * phone-sized screen (a mistyped ID number refused, the photos taken kept for the second try, a reference number at
 * the end); OPS approve the case on a desktop; the agent then activates the card. The link does not work
 * a second time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CardSelfServiceBrowserIT {

    static final String END_USER_ID = "120101200709209190";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Autowired
    CardService cards;

    @Autowired
    VerificationService verifications;

    @Test
    void anEndUserVerifiesOnAPhoneOpsApproveAndTheAgentActivatesTheCard() {
        long agentId = accounts.createAgent("自助实名测试渠道").id();
        accounts.createUser(new NewUser("selfservice-agent", "Agent-pass-12", Role.AGENT, agentId, null));
        accounts.createUser(new NewUser("selfservice-ops", "Ops-pass-1234", Role.OPS, null, null));
        OrderFixtures fixtures = new OrderFixtures(context);
        EnterpriseView enterprise = fixtures.verifiedEnterprise(agentId);
        String iccid = fixtures.enterpriseCards(1, fixtures.endUserPlan(), agentId, enterprise.id())
                .get(0);
        long cardId = RunAs.run(OrderFixtures.ops(), () -> cards.view(iccid).id());
        String cardPage = "http://localhost:" + port + "/cards/" + cardId;

        String link;
        WebDriver agent = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(agent, Duration.ofSeconds(20));
            signIn(agent, wait, "selfservice-agent", "Agent-pass-12");
            agent.get(cardPage);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("real-name-missing")));
            assertThat(agent.findElement(By.id("card-state")).getText()).contains("Awaiting activation");
            assertThat(agent.findElement(By.cssSelector("#activate-form button"))
                            .isEnabled())
                    .as("activation waits for the end user")
                    .isFalse();
            assertThat(agent.findElement(By.id("real-name-missing")).getText()).containsIgnoringCase("end user");

            click(agent, agent.findElement(By.cssSelector("#self-service-link-form button")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("link-url")));
            String url = agent.findElement(By.id("link-url")).getAttribute("value");
            assertThat(url).contains("/s/");
            link = "http://localhost:" + port + url.substring(url.indexOf("/s/"));
        } finally {
            agent.quit();
        }

        String reference;
        WebDriver phone = Chromium.phone();
        try {
            WebDriverWait wait = Chromium.waitFor(phone, Duration.ofSeconds(20));
            phone.get(link + (link.contains("?") ? "&" : "?") + "lang=en");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("self-service-form")));
            assertThat(phone.findElement(By.id("privacy-notice")).getText())
                    .contains("How your personal information is used");
            phone.findElement(By.id("name")).sendKeys("王小明");
            phone.findElement(By.id("idNumber")).sendKeys(END_USER_ID.substring(0, 17) + "1"); // wrong check digit
            phone.findElement(By.id("idAddress")).sendKeys("福建省福州市鼓楼区五四路 100 号");
            phone.findElement(By.id("idFront"))
                    .sendKeys(TestFiles.jpegFile("card-id-front.jpg").toString());
            phone.findElement(By.id("idBack"))
                    .sendKeys(TestFiles.jpegFile("card-id-back.jpg").toString());
            phone.findElement(By.id("livePhoto"))
                    .sendKeys(TestFiles.jpegFile("card-live.jpg").toString());
            wait.until(page -> page.findElements(By.cssSelector(".photo-preview:not(.d-none)"))
                            .size()
                    == 3);
            click(phone, phone.findElement(By.id("consent1")));
            click(phone, phone.findElement(By.id("submit-verification")));

            // the ID number is refused; the photos taken stay in their fields, so only the number is corrected
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#idNumber.is-invalid")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("photos-kept")));
            assertThat(phone.findElement(By.id("photos-kept")).getText())
                    .isEqualTo("The photos you took are kept: add only a photo marked as missing.");
            for (String photo : new String[] {"idFront", "idBack", "livePhoto"}) {
                assertThat(((JavascriptExecutor) phone)
                                .executeScript("return arguments[0].files.length", phone.findElement(By.id(photo))))
                        .as(photo + " kept")
                        .isEqualTo(1L);
            }
            assertThat(phone.findElements(By.cssSelector(".photo-preview:not(.d-none)")))
                    .hasSize(3);
            WebElement idNumber = phone.findElement(By.id("idNumber"));
            idNumber.clear();
            idNumber.sendKeys(END_USER_ID);
            if (!phone.findElement(By.id("consent1")).isSelected()) {
                click(phone, phone.findElement(By.id("consent1")));
            }
            click(phone, phone.findElement(By.id("submit-verification")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("self-service-done")));
            assertThat(phone.findElement(By.id("outcome-review")).getText()).contains("Under review");
            reference = phone.findElement(By.id("reference")).getText();
        } finally {
            phone.quit();
        }

        long caseId = caseOf(cardId);
        assertThat(reference)
                .as("the end user's reference number is the case's")
                .isEqualTo("Your reference number: " + caseId
                        + ". Quote it if you ask the enterprise about this verification.");
        WebDriver ops = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(ops, Duration.ofSeconds(20));
            signIn(ops, wait, "selfservice-ops", "Ops-pass-1234");
            ops.findElement(By.linkText("Verifications")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verification-queue")));
            WebElement row = ops.findElement(By.cssSelector("#cases tr[data-id='" + caseId + "']"));
            assertThat(row.getText()).contains("End user").contains("王*");
            row.findElement(By.linkText("Open")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("photos")));
            ops.findElement(By.id("approve-reason")).sendKeys("Live photo matches the ID photo");
            click(ops, ops.findElement(By.id("approve")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verification-queue")));
            assertThat(ops.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("Case " + caseId + " approved.");
        } finally {
            ops.quit();
        }

        WebDriver again = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(again, Duration.ofSeconds(20));
            signIn(again, wait, "selfservice-agent", "Agent-pass-12");
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        again.get(cardPage);
                        return again.findElement(By.cssSelector("#activate-form button"))
                                .isEnabled();
                    });
            click(again, again.findElement(By.cssSelector("#activate-form button")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("card-state"), "Active"));
            assertThat(again.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("Card " + iccid + " is active.");
            assertThat(again.findElements(By.id("real-name-missing"))).isEmpty();

            again.get(link + (link.contains("?") ? "&" : "?") + "lang=en");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("link-invalid")));
        } finally {
            again.quit();
        }
    }

    private void signIn(WebDriver browser, WebDriverWait wait, String username, String password) {
        browser.get("http://localhost:" + port + "/login?lang=en");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
    }

    /** Bootstrap scrolls smoothly; a click must wait for nothing. */
    private static void click(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    /** The end user's case the submission opened, read as OPS. */
    private long caseOf(long cardId) {
        return RunAs.run(
                        OrderFixtures.ops(),
                        () -> verifications.list(
                                VerificationStatus.PENDING_REVIEW,
                                VerificationKind.END_USER,
                                VerificationService.Assignment.ANYONE,
                                null,
                                500))
                .items()
                .stream()
                .filter(c -> c.subjectType().equals("CARD") && c.subjectId() == cardId)
                .map(VerificationCaseView::id)
                .findFirst()
                .orElseThrow();
    }
}
